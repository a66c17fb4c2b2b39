-- CreateTable
CREATE TABLE "CalibrationRun" (
    "id" TEXT NOT NULL,
    "hardwareProfileId" TEXT NOT NULL,
    "meter" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "referenceSlug" TEXT NOT NULL,
    "artifactSha256" TEXT NOT NULL,
    "harnessVersion" TEXT NOT NULL,
    "energyPerInferenceJ" DOUBLE PRECISION NOT NULL,
    "withinCi95J" JSONB NOT NULL,
    "windows" INTEGER NOT NULL,
    "wallS" DOUBLE PRECISION NOT NULL,
    "workerId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalibrationRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CalibrationRun_board_idx" ON "CalibrationRun"("hardwareProfileId", "meter", "harnessVersion", "taskId", "createdAt");

-- AddForeignKey
ALTER TABLE "CalibrationRun" ADD CONSTRAINT "CalibrationRun_hardwareProfileId_fkey" FOREIGN KEY ("hardwareProfileId") REFERENCES "HardwareProfile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
