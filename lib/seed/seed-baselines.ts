// The board must not start empty: every committed baseline is registered and submitted, and the worker
// benchmarks it like any other model. No figure is inserted by hand. Idempotent: a baseline already queued,
// running, or measured by the current harness version is left alone.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { resolveDataset } from "../../benchmarks/datasets/resolve";
import { listBaselines } from "../../benchmarks/tasks/list-baselines";
import { listTasks } from "../../benchmarks/tasks/catalog";
import { BenchmarkError } from "../../benchmarks/types";
import { HARNESS_VERSION } from "../../benchmarks/version";
import type { Db } from "../db/client";
import { getEnv, type Env } from "../env";
import { enqueueBenchmark } from "../queue/get-queue";

export const SYSTEM_USERNAME = "frugalboard";

/** FRUGAL_SEED_TASKS (comma-separated task ids) limits the seed, e.g. for a test server; default every task. */
export function tasksToSeed(env: Pick<Env, "FRUGAL_SEED_TASKS"> = getEnv()) {
  const wanted = env.FRUGAL_SEED_TASKS?.split(",").map((id) => id.trim()).filter(Boolean);
  if (!wanted?.length) return listTasks();
  const unknown = wanted.filter((id) => !listTasks().some((task) => task.id === id));
  if (unknown.length) throw new Error(`FRUGAL_SEED_TASKS names unknown task(s): ${unknown.join(", ")}.`);
  return listTasks().filter((task) => wanted.includes(task.id));
}

export interface SeedOutcome {
  submitted: string[];
  kept: string[];
  /** Tasks left out because their test set cannot be found here, with the resolver's message. */
  skipped: { task: string; reason: string }[];
}

export async function seedBaselines(db: Db): Promise<SeedOutcome> {
  const owner = await db.user.upsert({ where: { username: SYSTEM_USERNAME }, update: {}, create: { username: SYSTEM_USERNAME, role: "ADMIN" } });
  const submitted: string[] = [];
  const kept: string[] = [];
  const skipped: SeedOutcome["skipped"] = [];
  for (const task of tasksToSeed()) {
    // A baseline whose test set is missing would only fail in the worker: say why here, once, instead.
    try {
      await resolveDataset(task.dataset);
    } catch (error) {
      if (!(error instanceof BenchmarkError)) throw error;
      skipped.push({ task: task.id, reason: error.message });
      continue;
    }
    for (const baseline of listBaselines(task.id)) {
      const bytes = await readFile(baseline.path);
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const model = await db.model.upsert({
        where: { slug: baseline.slug },
        update: { name: baseline.name, description: baseline.description, licence: baseline.licence },
        create: { slug: baseline.slug, name: baseline.name, description: baseline.description, licence: baseline.licence, ownerId: owner.id },
      });
      await db.artifact.upsert({ where: { sha256 }, update: {}, create: { sha256, bytes, sizeBytes: bytes.byteLength } });
      const current = await db.submission.findFirst({
        where: {
          modelId: model.id,
          taskId: task.id,
          artifactSha256: sha256,
          OR: [{ status: { in: ["QUEUED", "RUNNING"] } }, { status: "SUCCEEDED", result: { harnessVersion: HARNESS_VERSION } }],
        },
      });
      if (current) {
        kept.push(baseline.slug);
        continue;
      }
      const submission = await db.submission.create({
        data: { modelId: model.id, taskId: task.id, artifactSha256: sha256, submitterId: owner.id, background: true },
      });
      // After every user's submission: a first upload does not wait behind the seed.
      await enqueueBenchmark(submission.id, undefined, "background");
      submitted.push(baseline.slug);
    }
  }
  return { submitted, kept, skipped };
}
