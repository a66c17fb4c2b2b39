// The offline scenario's batch (docs/architecture.md, "Measurement protocol" step 8): MLPerf Offline lets the submitter
// tune the batch; here the harness does it for every model, so each is measured at its own best operating point.
// A few batch sizes are probed briefly, in alternating blocks so a machine whose speed drifts favours none, and
// the windows run at the cheapest. Why not a fixed 256: measured with onnxruntime-node 1.30 on one thread, the
// MNIST CNN baseline costs 12.0 µs of CPU per sample at batch 64 against 13.0 µs at 256 (its activations leave
// the cache), while the MNIST MLP is cheapest at 256 (1.57 µs against 1.97 µs at 64).

/** Batch sizes tried, as far as the task's largest batch and the test set allow. */
export const PROBE_BATCHES = [1, 4, 16, 64, 256] as const;
/**
 * Probe figures this close to the cheapest count as equally cheap, and the smallest such batch is taken: the
 * same cost in less memory (the MNIST CNN's footprint is 4.2 MiB at batch 64 and 15.2 MiB at 256).
 */
export const BATCH_TIE_TOLERANCE = 0.03;

export interface BatchLimits {
  /** The task's largest offline batch. */
  maxBatch: number;
  /** Samples in the test set: no batch is larger than the whole set. */
  samples: number;
  /** The model's batch dimension when it is fixed (1, for a model exported with a static batch of 1). */
  fixedBatch?: number;
}

/** The batch sizes to probe: PROBE_BATCHES up to the limits, plus the cap itself when it falls between them. */
export function batchCandidates(limits: BatchLimits): number[] {
  if (limits.fixedBatch !== undefined) return [limits.fixedBatch];
  const cap = Math.max(1, Math.min(limits.maxBatch, limits.samples));
  const sizes = new Set<number>(PROBE_BATCHES.filter((b) => b <= cap));
  sizes.add(cap);
  return [...sizes].sort((a, b) => a - b);
}

export interface BatchProbe {
  batchSize: number;
  /** Median over the probe's blocks of CPU seconds per sample (the cost every meter's figure follows on one thread). */
  cpuSPerSample: number;
  blocks: number;
}

export interface BatchChoice {
  batchSize: number;
  /** Why: "fixed" (one size possible), "probed" (the cheapest, ties to the smallest), or "given" by the caller. */
  rule: "fixed" | "probed" | "given";
  probes: BatchProbe[];
}

export function chooseBatch(probes: readonly BatchProbe[], fixed = false): BatchChoice {
  if (probes.length === 0) throw new Error("no batch size was probed");
  const cheapest = Math.min(...probes.map((p) => p.cpuSPerSample));
  const equallyCheap = probes.filter((p) => p.cpuSPerSample <= cheapest * (1 + BATCH_TIE_TOLERANCE));
  const batchSize = Math.min(...equallyCheap.map((p) => p.batchSize));
  return { batchSize, rule: fixed || probes.length === 1 ? "fixed" : "probed", probes: [...probes].sort((a, b) => a.batchSize - b.batchSize) };
}
