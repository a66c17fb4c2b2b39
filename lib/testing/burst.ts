// A burst of submissions through the upload route, then the wait until every one is final: shared by the load
// test (app/api/v1/submissions/burst.int.test.ts) and `npm run bench:burst`. The route handler is passed in (lib never
// imports app/), and each submission carries distinct model bytes, as uploads are told apart by SHA-256.
import { distinctCopy } from "../../benchmarks/onnx/testing/distinct-copy";
import type { Db } from "../db/client";
import { newResearcher, submissionRequest } from "./fixtures";
import { waitFor } from "./worker-runs";

export interface BurstConfig {
  count: number;
  /** Submitters, taking turns (a per-user daily limit must not be what the burst measures). */
  users: number;
  /** Requests in flight at once. */
  concurrency: number;
  task: string;
  model: Uint8Array;
  /** Tells this burst's model names and bytes apart from another burst's in the same process (e.g. the backend). */
  label?: string;
}

export interface Burst {
  /** Submission ids in the order their requests were sent. */
  ids: string[];
  submitS: number;
}

export async function submitBurst(db: Db, post: (request: Request) => Promise<Response>, config: BurstConfig): Promise<Burst> {
  const tokens: string[] = [];
  for (let u = 0; u < config.users; u++) tokens.push(await newResearcher(db, "burst"));
  const files = Array.from({ length: config.count }, (_, i) => distinctCopy(config.model, `burst ${config.label ?? ""} ${i}`));
  const ids = new Array<string>(config.count);
  let next = 0;
  const started = performance.now();
  const sender = async () => {
    while (next < config.count) {
      const i = next++;
      const request = submissionRequest({ token: tokens[i % tokens.length], model: `burst-${process.pid}-${config.label ? `${config.label}-` : ""}${i}`, task: config.task, file: files[i] });
      const response = await post(request);
      const body = await response.json();
      if (response.status !== 201) throw new Error(`submission ${i} answered ${response.status}: ${JSON.stringify(body)}`);
      ids[i] = body.id;
    }
  };
  await Promise.all(Array.from({ length: config.concurrency }, sender));
  return { ids, submitS: (performance.now() - started) / 1000 };
}

export interface FinalRow {
  id: string;
  status: string;
  errorCode: string | null;
  error: string | null;
  attempts: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** Polls until every submission is final (not queued or running); throws after `timeoutMs`. */
export async function waitForFinal(db: Db, ids: string[], timeoutMs: number, onTick?: (open: number) => void): Promise<FinalRow[]> {
  let open = ids.length;
  const closed = async () => {
    open = await db.submission.count({ where: { id: { in: ids }, status: { in: ["QUEUED", "RUNNING"] } } });
    onTick?.(open);
    return open === 0 ? true : undefined;
  };
  await waitFor(closed, timeoutMs, () => `${ids.length} submissions (${open} still open after ${timeoutMs / 1000} s)`, 500);
  return db.submission.findMany({
    where: { id: { in: ids } },
    select: { id: true, status: true, errorCode: true, error: true, attempts: true, createdAt: true, startedAt: true, finishedAt: true },
  });
}

function quantile(sorted: number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

export interface BurstFigures {
  submitted: number;
  submitPerS: number;
  /** From the first worker start to the last submission finished. */
  drainS: number;
  /** Submitted → final, queue wait included. */
  latencyP50S: number;
  latencyP95S: number;
  /** Started → final: the benchmark itself. */
  runP50S: number;
  runP95S: number;
}

export function burstFigures(burst: Burst, rows: FinalRow[], workersStartedAt: Date): BurstFigures {
  const seconds = (from: Date, to: Date | null) => ((to?.getTime() ?? Number.NaN) - from.getTime()) / 1000;
  const latency = rows.map((r) => seconds(r.createdAt, r.finishedAt)).sort((a, b) => a - b);
  const run = rows.map((r) => (r.startedAt ? seconds(r.startedAt, r.finishedAt) : Number.NaN)).sort((a, b) => a - b);
  const lastFinish = Math.max(...rows.map((r) => r.finishedAt?.getTime() ?? 0));
  return {
    submitted: burst.ids.length,
    submitPerS: burst.ids.length / burst.submitS,
    drainS: (lastFinish - workersStartedAt.getTime()) / 1000,
    latencyP50S: quantile(latency, 0.5),
    latencyP95S: quantile(latency, 0.95),
    runP50S: quantile(run, 0.5),
    runP95S: quantile(run, 0.95),
  };
}

export function describeFigures(f: BurstFigures): string {
  return (
    `${f.submitted} submissions at ${f.submitPerS.toFixed(1)}/s; drained in ${f.drainS.toFixed(1)} s; ` +
    `latency submit→final p50 ${f.latencyP50S.toFixed(1)} s, p95 ${f.latencyP95S.toFixed(1)} s; ` +
    `benchmark run p50 ${f.runP50S.toFixed(2)} s, p95 ${f.runP95S.toFixed(2)} s`
  );
}
