// Run by e2e specs (node --import tsx e2e/seed-board.ts) against the e2e database: a second hardware profile on
// the mnist board, with two ranked models and one below the floor, so the board's filters have something to show
// (profile, meter and precision: float32, int8 QDQ and an int4 model with onnxruntime operators).
import { getDb } from "../lib/db/client";
import { insertResult } from "../lib/testing/insert-result";

export const OTHER_PROFILE = { hardwareProfileId: "e2e0other0000001", cpuModel: "Other CPU (e2e seed)" } as const;

async function main(): Promise<void> {
  const db = getDb();
  try {
    if (await db.model.findUnique({ where: { slug: "e2e-other-fast" } })) return;
    await insertResult(db, { modelSlug: "e2e-other-fast", modelName: "Other fast", taskId: "mnist", accuracy: 0.93, energyPerInferenceJ: 1.2e-6, owner: "e2e-seed", precision: "int8-qdq", ...OTHER_PROFILE });
    await insertResult(db, { modelSlug: "e2e-other-big", modelName: "Other big", taskId: "mnist", accuracy: 0.99, energyPerInferenceJ: 80e-6, owner: "e2e-seed", ...OTHER_PROFILE });
    await insertResult(db, { modelSlug: "e2e-other-bad", modelName: "Other below floor", taskId: "mnist", accuracy: 0.6, energyPerInferenceJ: 0.3e-6, owner: "e2e-seed", precision: "int4", onnxruntimeOperators: ["MatMulNBits"], ...OTHER_PROFILE });
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
