-- The entity has gained a nickname since this migration was written.
CREATE TABLE "pets" (
    "id" INTEGER NOT NULL,
    "name" VARCHAR(50) NOT NULL,
    CONSTRAINT "pk_pets" PRIMARY KEY ("id")
);
