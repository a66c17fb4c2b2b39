// The probe behind chooseBatch: each candidate batch size in short blocks, the candidates taking turns, so a
// machine whose speed drifts over seconds slows all of them alike. Runs in a process of its own (runBenchmark),
// so the memory the largest batches take never lands in the footprint measured at the chosen one.
import { performance } from "node:perf_hooks";
import type { Batch } from "./batches";
import type { BatchProbe } from "./choose-batch";
import { median } from "../stats/summary";
import { cpuSecondsSince } from "./measure-window";

export interface ProbeSet {
  batchSize: number;
  batches: Batch[];
}

export interface ProbeOptions {
  /** Length of one block (s); a block is at least one call. */
  blockS: number;
  /** Rounds go on until this much time has passed … */
  totalS: number;
  /** … and there are at least this many. */
  minRounds: number;
}

export async function probeBatches(sets: readonly ProbeSet[], run: (batch: Batch) => Promise<unknown>, options: ProbeOptions): Promise<BatchProbe[]> {
  const cursors = sets.map(() => 0);
  const figures: number[][] = sets.map(() => []);
  // One block over the batches from the cursor on, whole calls, for at least blockS: CPU seconds per sample.
  const block = async (i: number): Promise<number> => {
    const { batches } = sets[i];
    let samples = 0;
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    do {
      const batch = batches[cursors[i]];
      cursors[i] = (cursors[i] + 1) % batches.length;
      await run(batch);
      samples += batch.size;
    } while (performance.now() - start < options.blockS * 1000);
    return cpuSecondsSince(cpuStart) / samples;
  };
  for (let i = 0; i < sets.length; i++) await block(i); // untimed: first calls at a new shape allocate
  const start = performance.now();
  for (let round = 0; round < options.minRounds || performance.now() - start < options.totalS * 1000; round++) {
    // The order turns each round, so no candidate always follows the same one.
    for (let k = 0; k < sets.length; k++) {
      const i = (k + round) % sets.length;
      figures[i].push(await block(i));
    }
  }
  return sets.map((set, i) => ({ batchSize: set.batchSize, cpuSPerSample: median(figures[i]), blocks: figures[i].length }));
}
