CREATE TABLE "pets" (
    "id" INTEGER NOT NULL,
    "name" VARCHAR(50) NOT NULL,
    "nickname" VARCHAR(50),
    "legacy_code" VARCHAR(10),
    CONSTRAINT "pk_pets" PRIMARY KEY ("id")
);
