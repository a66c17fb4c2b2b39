// Run by e2e/citable-results.spec.ts against the e2e database: one model with a result on a profile of its own,
// whose label, permanent page and citation the browser test reads. On fashion-mnist, a task the e2e server seeds no
// baselines for, so the mnist board the other specs read is left as it was.
import { getDb } from "../lib/db/client";
import { insertResult } from "../lib/testing/insert-result";

export const CITABLE_SLUG = "e2e-citable";

async function main(): Promise<void> {
  const db = getDb();
  try {
    const existing = await db.model.findUnique({ where: { slug: CITABLE_SLUG }, select: { id: true } });
    if (!existing) {
      await insertResult(db, {
        modelSlug: CITABLE_SLUG,
        modelName: "Citable CNN",
        taskId: "fashion-mnist",
        accuracy: 0.981,
        energyPerInferenceJ: 12e-6,
        owner: "e2e-seed",
        hardwareProfileId: "e2e0citable00001",
        cpuModel: "Citable CPU (e2e seed)",
        sci: { gridGPerKwh: 56, embodiedKg: 1_000, lifespanYears: 4 },
        trainingEmissions: {
          energyKwh: 0.5,
          emissionsKg: 0.028,
          durationS: 5400,
          hardware: "1 x NVIDIA T4",
          location: "France",
          trainingType: "fine-tuning",
          source: "CodeCarbon 2.4.2 emissions.csv (2 runs)",
        },
      });
    }
    const result = await db.result.findFirstOrThrow({ where: { submission: { model: { slug: CITABLE_SLUG } } }, select: { id: true } });
    process.stdout.write(result.id);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
