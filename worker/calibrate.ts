// The idle calibrator: while nothing waits for this worker, it re-benchmarks the reference baseline that is due
// (lib/calibration), so the machine's between-run spread is measured rather than assumed. A job always comes
// first: the processor calls yieldToJob(), which kills the calibration's child and waits for it to end, and no
// calibration starts until the job is done; a job taken by another worker, or a row left waiting, stops it at the
// next check. An aborted calibration records nothing.
import { runBenchmark } from "../benchmarks/harness/run-benchmark";
import { BenchmarkError, type BenchmarkOptions } from "../benchmarks/types";
import { benchmarkQueueIsIdle, pickDueReference, recordCalibrationRun, type ProfileKey } from "../lib/calibration/calibration-runs";
import type { CalibrationReference } from "../lib/calibration/references";
import type { Db } from "../lib/db/client";
import { databaseReason } from "../lib/db/unavailable";
import { redactSecrets } from "../lib/log/redact";

export interface CalibratorOptions {
  db: Db;
  workerId: string;
  profile: ProfileKey;
  harness: Partial<BenchmarkOptions>;
  everyS: number;
  checkMs: number;
}

export interface CalibrationInFlight {
  taskId: string;
  referenceSlug: string;
  startedAt: Date;
  /** The harness phase it has reached (validate, load, … floor). */
  phase: string;
}

export interface Calibrator {
  /** Before a job: stops a calibration in flight and waits until its child is gone; none starts until jobDone(). */
  yieldToJob(): Promise<void>;
  /** After a job: looks for a due calibration at once. */
  jobDone(): void;
  /** The calibration running now, if any. */
  inFlight(): CalibrationInFlight | null;
  close(): Promise<void>;
}

const log = (message: string) => console.log(`[calibrate] ${message}`);
const reason = (error: unknown) => redactSecrets(databaseReason(error));

export function startCalibrator(options: CalibratorOptions): Calibrator {
  const { db, workerId, profile } = options;
  let jobs = 0;
  let closed = false;
  let checking = false;
  let current: { info: CalibrationInFlight; controller: AbortController; done: Promise<void> } | null = null;
  // A reference that failed (its test set is missing here, say) is left alone for one calibration period.
  const failedAt = new Map<string, number>();
  const mayStart = () => !closed && jobs === 0 && !current;

  const run = (reference: CalibrationReference) => {
    const controller = new AbortController();
    const info: CalibrationInFlight = { taskId: reference.taskId, referenceSlug: reference.slug, startedAt: new Date(), phase: "validate" };
    const done = (async () => {
      try {
        const result = await runBenchmark({
          ...options.harness,
          task: reference.taskId,
          modelPath: reference.path,
          signal: controller.signal,
          onProgress: (progress) => (info.phase = progress.phase),
        });
        if (controller.signal.aborted) return;
        await recordCalibrationRun(db, { reference, workerId, startedAt: info.startedAt, result });
        log(`${reference.slug}: ${(result.energyPerInferenceJ * 1e6).toPrecision(4)} µJ per inference (${result.wallS.toFixed(1)} s)`);
      } catch (error) {
        if (controller.signal.aborted || (error instanceof BenchmarkError && error.code === "aborted")) {
          log(`${reference.slug}: stopped; nothing recorded`);
          return;
        }
        failedAt.set(reference.taskId, Date.now());
        log(`${reference.slug}: not calibrated (${reason(error)}); next try in ${options.everyS} s`);
      } finally {
        current = null;
      }
    })();
    current = { info, controller, done };
  };

  const stopCurrent = async (why: string) => {
    const running = current;
    if (!running) return;
    const stopAt = Date.now();
    running.controller.abort();
    await running.done;
    log(`${running.info.referenceSlug} stopped ${why} in ${Date.now() - stopAt} ms`);
  };

  const check = async () => {
    if (closed || jobs > 0 || checking) return;
    checking = true;
    try {
      const idle = await benchmarkQueueIsIdle(db);
      // A job that another worker took (or a row still waiting) stops this calibration too: on a shared machine
      // it would disturb that benchmark, and submissions go first.
      if (!idle && current) await stopCurrent("as a submission waits or runs elsewhere");
      if (!idle || !mayStart()) return;
      const now = Date.now();
      const skipTasks = new Set([...failedAt].filter(([, at]) => now - at < options.everyS * 1000).map(([task]) => task));
      const reference = await pickDueReference(db, profile, { everyS: options.everyS, skipTasks });
      // Re-checked after each await: a job may have arrived meanwhile, and it goes first.
      if (reference && mayStart()) run(reference);
    } catch (error) {
      log(`could not look for a due calibration: ${reason(error)}`);
    } finally {
      checking = false;
    }
  };

  const timer = setInterval(() => void check(), options.checkMs);
  void check();

  return {
    async yieldToJob() {
      jobs++;
      await stopCurrent("for a job");
    },
    jobDone() {
      jobs = Math.max(0, jobs - 1);
      void check();
    },
    inFlight: () => (current ? { ...current.info } : null),
    async close() {
      closed = true;
      clearInterval(timer);
      await stopCurrent("as the worker stops");
    },
  };
}
