ALTER TABLE "pets" DROP COLUMN "legacy_code";
