-- AlterTable
ALTER TABLE "Result" ADD COLUMN "datasetManifestSha256" TEXT;
