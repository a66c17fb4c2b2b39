// The seeded board of `npm run bench:board`: many re-benchmarks of many models, as a busy site would have.
import { createDb } from "../../lib/db/client";
import { resultColumns } from "../../lib/submissions/record-result";
import { ensureHardwareProfile, fakePayload } from "../../lib/testing/insert-result";

/** Deterministic pseudo-random numbers, so every run seeds the same board. */
function rng(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** `results` results of `models` models on mnist, on two hardware profiles (4 in 5 on the first), deterministic. */
export async function seedBoard(databaseUrl: string, { results: resultCount, models: modelCount }: { results: number; models: number }): Promise<void> {
  const db = createDb(databaseUrl);
  const random = rng(42);
  try {
    const profiles = ["bench0profile0a1", "bench0profile0b1"];
    for (const id of profiles) await ensureHardwareProfile(db, id, `Bench CPU ${id.slice(-2)}`);
    const owner = await db.user.create({ data: { username: "bench-owner" } });
    const bytes = Buffer.from("bench artifact");
    const sha256 = "b".repeat(64);
    await db.artifact.create({ data: { sha256, bytes, sizeBytes: bytes.byteLength } });
    const models = Array.from({ length: modelCount }, (_, i) => ({
      id: `bench-model-${i}`,
      slug: `bench-model-${String(i).padStart(4, "0")}`,
      name: `Bench model ${i}`,
      ownerId: owner.id,
      accuracy: 0.8 + random() * 0.19,
      energyJ: 10 ** (-6.3 + random() * 2.6),
    }));
    await db.model.createMany({ data: models.map(({ id, slug, name, ownerId }) => ({ id, slug, name, ownerId })) });
    const start = Date.now() - resultCount * 1000;
    const CHUNK = 1_000;
    for (let offset = 0; offset < resultCount; offset += CHUNK) {
      const rows = Array.from({ length: Math.min(CHUNK, resultCount - offset) }, (_, k) => {
        const i = offset + k;
        const model = models[i % modelCount];
        const createdAt = new Date(start + i * 1000);
        const accuracy = Math.min(0.999, model.accuracy + (random() - 0.5) * 0.004);
        const energyPerInferenceJ = model.energyJ * (0.95 + random() * 0.1);
        // One result in five on the second profile, so the default board is a choice.
        const hardwareProfileId = profiles[i % 5 === 4 ? 1 : 0];
        return { i, model, createdAt, accuracy, energyPerInferenceJ, hardwareProfileId };
      });
      await db.submission.createMany({
        data: rows.map((r) => ({
          id: `bench-sub-${r.i}`,
          modelId: r.model.id,
          taskId: "mnist",
          artifactSha256: sha256,
          submitterId: owner.id,
          status: "SUCCEEDED" as const,
          progress: 100,
          createdAt: r.createdAt,
          finishedAt: r.createdAt,
        })),
      });
      await db.result.createMany({
        data: rows.map((r) => {
          const payload = fakePayload({ modelSlug: r.model.slug, taskId: "mnist", accuracy: r.accuracy, energyPerInferenceJ: r.energyPerInferenceJ, hardwareProfileId: r.hardwareProfileId, meter: "estimate", fileBytes: bytes.byteLength, sha256, createdAt: r.createdAt });
          return { ...resultColumns(`bench-sub-${r.i}`, payload), createdAt: r.createdAt };
        }),
      });
    }
    await db.$executeRawUnsafe(`ANALYZE`);
  } finally {
    await db.$disconnect();
  }
}
