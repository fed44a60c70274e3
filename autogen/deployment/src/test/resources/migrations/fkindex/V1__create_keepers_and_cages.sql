-- The foreign key is there, its index is not: Hibernate declares none.
CREATE TABLE "keepers" (
    "id" INTEGER NOT NULL,
    "name" VARCHAR(50) NOT NULL,
    CONSTRAINT "pk_keepers" PRIMARY KEY ("id")
);

CREATE TABLE "cages" (
    "id" INTEGER NOT NULL,
    "keeper_id" INTEGER,
    CONSTRAINT "pk_cages" PRIMARY KEY ("id"),
    CONSTRAINT "fk_cages_keeper_id_keepers" FOREIGN KEY ("keeper_id") REFERENCES "keepers" ("id")
);
