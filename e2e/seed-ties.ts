// Run by e2e/tied-ranks.spec.ts (node --import tsx e2e/seed-ties.ts) against the e2e database: a hardware profile
// of its own on the mnist board with two twins (same accuracy, 47 and 50 µJ, intervals that overlap) and a third
// model apart, whose batch is fixed at 1. Its id sorts after every hex profile id, so it never becomes the task's default board.
import { getDb } from "../lib/db/client";
import { insertResult } from "../lib/testing/insert-result";

export const TIES_PROFILE = { hardwareProfileId: "zze2e0ties000001", cpuModel: "Tie CPU (e2e seed)" } as const;

async function main(): Promise<void> {
  const db = getDb();
  try {
    if (await db.model.findUnique({ where: { slug: "e2e-twin-a" } })) return;
    const common = { taskId: "mnist", accuracy: 0.98, owner: "e2e-seed", ...TIES_PROFILE };
    await insertResult(db, { ...common, modelSlug: "e2e-twin-a", modelName: "Twin A", energyPerInferenceJ: 47e-6, energyCi95J: [46.0e-6, 49.3e-6], offlineBatchSize: 64 });
    await insertResult(db, { ...common, modelSlug: "e2e-twin-b", modelName: "Twin B", energyPerInferenceJ: 50e-6, energyCi95J: [48.5e-6, 52.0e-6], offlineBatchSize: 64 });
    await insertResult(db, { ...common, modelSlug: "e2e-apart", modelName: "Apart", energyPerInferenceJ: 63.1e-6, energyCi95J: [60.8e-6, 72.8e-6], batchFixed: true });
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
