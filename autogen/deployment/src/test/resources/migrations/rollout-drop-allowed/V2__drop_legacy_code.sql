-- flyway-autogen:allow drop-mapped-column "no release has mapped legacy_code since 2024"
ALTER TABLE "pets" DROP COLUMN "legacy_code";
