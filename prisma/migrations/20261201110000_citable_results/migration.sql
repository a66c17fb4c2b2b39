-- AlterTable
ALTER TABLE "Result" ADD COLUMN "datasetManifestSha256" TEXT,
ADD COLUMN "sciAssumptions" JSONB;

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN "trainingEmissions" JSONB;
