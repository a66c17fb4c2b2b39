// Messages between the harness (parent) and the process that runs the model (child), over Node's IPC channel.
// The parent sends one request at a time and the child answers each with exactly one message (or "error").
import type { BenchmarkErrorCode, MeterKind, Scenario } from "../types";
import type { Percentiles } from "../stats/summary";

export interface ChildInit {
  taskId: string;
  modelPath: string;
  inputName: string;
  outputName: string;
  intraOpThreads: number;
  /** The task's batch size, or 1 for a model whose batch dimension is fixed at 1. */
  offlineBatchSize: number;
  /** The meter chosen by the parent (select-meter.ts); the child only builds it. */
  meter: MeterKind;
  cpuTdpW?: number;
  powercapRoot?: string;
}

export type ParentMessage =
  | { type: "load"; init: ChildInit }
  | { type: "warmup" }
  | { type: "accuracy" }
  | { type: "idle"; idleS: number }
  | { type: "window"; scenario: Scenario; windowS: number }
  /** One single-stream window of the null model (the harness floor), answered with "window". */
  | { type: "floor-window"; windowS: number }
  /**
   * A bare `session.run(feeds)` loop over the same session and inputs, for as long as a window, with none of the
   * harness's bookkeeping: the reference `npm run bench:harness` compares the harness's windows with.
   */
  | { type: "raw-window"; scenario: Scenario; windowS: number }
  | { type: "finish" };

/** One measured window as the child saw it; the parent subtracts idle power and summarises. */
export interface RawWindow {
  scenario: Scenario;
  inferences: number;
  wallS: number;
  cpuS: number;
  meanRssBytes: number;
  peakRssBytes: number;
  grossEnergyJ: number;
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
    }
  | { type: "warm" }
  /** footprintPeakRssBytes: VmHWM after the session was created and ran the test set once. */
  | { type: "accuracy"; accuracy: number; macroF1: number; footprintPeakRssBytes: number }
  | { type: "idle"; wallS: number; cpuS: number; grossEnergyJ: number }
  | { type: "window"; window: RawWindow }
  | { type: "raw-window"; inferences: number; wallS: number; cpuS: number }
  | { type: "finished"; peakRssBytes: number; latency: Record<Scenario, LatencySummary>; floorLatency: LatencySummary }
  | { type: "error"; code: BenchmarkErrorCode; message: string; rule?: string };

export type ChildMessageType = ChildMessage["type"];
