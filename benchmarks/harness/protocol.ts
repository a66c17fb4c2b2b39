// Messages between the harness (parent) and the process that runs the model (child), over Node's IPC channel.
// The parent sends one request at a time and the child answers each with exactly one message (or "error").
// bench:harness's own messages (paired, bare-window) go to its own child entry (bench-child.ts), not to this one.
import type { BenchmarkErrorCode, MeterKind, Scenario } from "../types";
import type { Percentiles } from "../stats/summary";
import type { BatchProbe } from "./choose-batch";
import type { ProbeOptions } from "./probe-batches";

export interface ChildInit {
  taskId: string;
  modelPath: string;
  inputName: string;
  outputName: string;
  intraOpThreads: number;
  /** The batch chosen by the probe (choose-batch.ts), or 1 for a model whose batch dimension is fixed at 1. */
  offlineBatchSize: number;
  /** The meter chosen by the parent (select-meter.ts); the child only builds it. */
  meter: MeterKind;
  cpuTdpW?: number;
  powercapRoot?: string;
}

export type ParentMessage =
  | { type: "load"; init: ChildInit }
  | { type: "warmup" }
  /** Each candidate batch size in alternating blocks, answered with "batch-probes" (a probe child only). */
  | ({ type: "probe-batches"; candidates: number[] } & ProbeOptions)
  | { type: "accuracy" }
  | { type: "idle"; idleS: number }
  | { type: "window"; scenario: Scenario; windowS: number }
  /** One single-stream window of the null model (the harness floor), answered with "window". */
  | { type: "floor-window"; windowS: number }
  | { type: "finish" };

/** Inferences run, and the wall and CPU seconds they took. */
export interface Span {
  inferences: number;
  wallS: number;
  cpuS: number;
}

/** Two spans as one: their inferences and seconds summed. */
export const addSpans = (a: Span, b: Span): Span => ({ inferences: a.inferences + b.inferences, wallS: a.wallS + b.wallS, cpuS: a.cpuS + b.cpuS });

export interface RawWindow extends Span {
  scenario: Scenario;
  meanRssBytes: number;
  peakRssBytes: number;
  grossEnergyJ: number;
}

/** One round of ChildBench.paired: two blocks of each loop, summed. */
export interface PairedRound {
  harness: Span;
  raw: Span;
}

export interface LatencySummary extends Percentiles {
  /** session.run calls measured (the percentiles come from a uniform sample of them when there are many). */
  calls: number;
}

export type ChildMessage =
  | {
      type: "loaded";
      samples: number;
      baselineRssBytes: number;
      peakResetWorked: boolean;
      meterDetails: Record<string, string | number>;
      estimated: boolean;
      /** Graph inputs that were initializers too, removed before the session was made (prepare-model.ts). */
      initializerInputsRemoved: number;
    }
  | { type: "warm" }
  | { type: "batch-probes"; probes: BatchProbe[] }
  /** footprintPeakRssBytes: VmHWM after the session was created and ran the test set once. */
  | { type: "accuracy"; accuracy: number; macroF1: number; footprintPeakRssBytes: number }
  | { type: "idle"; wallS: number; cpuS: number; grossEnergyJ: number }
  | { type: "window"; window: RawWindow }
  | { type: "finished"; peakRssBytes: number; latency: Record<Scenario, LatencySummary>; floorLatency: LatencySummary }
  | { type: "error"; code: BenchmarkErrorCode; message: string; rule?: string };
