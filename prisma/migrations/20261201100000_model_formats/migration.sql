-- AlterTable
ALTER TABLE "Result" ADD COLUMN     "nonZeroParamCount" INTEGER,
ADD COLUMN     "onnxruntimeOnly" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "precision" TEXT;

-- CreateIndex
CREATE INDEX "Result_taskId_precision_idx" ON "Result"("taskId", "precision");
