// The child's side of a benchmark: it holds the model's session and does what the parent asks, one step at a time.
import { InferenceSession } from "onnxruntime-node";
import { createMeter } from "../meters/create-meter";
import type { Meter } from "../meters/meter";
import { accuracy, argmaxRows, macroF1 } from "../stats/classification";
import { Reservoir } from "../stats/reservoir";
import { getTask, loadTaskDataset } from "../tasks/registry";
import type { LoadedDataset, Scenario, TaskDefinition } from "../types";
import { buildBatches, type Batch } from "./batches";
import { currentRssBytes, peakRssBytes, resetPeakRss } from "./memory";
import { measureIdle, measureWindow } from "./measure-window";
import { sessionOptions, warmRuntime } from "./warm-runtime";
import type { ChildInit, ChildMessage, RawWindow } from "./protocol";

/** Latency samples kept per scenario (8 bytes each); beyond it the reservoir keeps a uniform sample. */
const LATENCY_SAMPLES = 100_000;

export class ModelFailure extends Error {}

export class ChildBench {
  private constructor(
    private readonly init: ChildInit,
    private readonly task: TaskDefinition,
    private readonly dataset: LoadedDataset,
    private readonly batches: Record<Scenario, Batch[]>,
    private readonly latency: Record<Scenario, Reservoir>,
    private readonly predictions: Uint8Array,
    private readonly meter: Meter,
    private readonly session: InferenceSession,
  ) {}

  /**
   * Loads everything the measurement needs, then the model. The runtime (warmed by a null model), the dataset,
   * the pre-built tensors and the latency buffers are in place BEFORE the baseline RSS is read, so peak − baseline
   * is the footprint of the model's session and its runs alone (DESIGN.md, step 3). The peak is reset after
   * loading so the dataset's load-time peak is not counted.
   */
  static async load(init: ChildInit): Promise<{ bench: ChildBench; reply: Extract<ChildMessage, { type: "loaded" }> }> {
    const task = getTask(init.taskId);
    const dataset = await loadTaskDataset(task);
    const batches = {
      offline: buildBatches(dataset, task.contract, init, init.offlineBatchSize),
      "single-stream": buildBatches(dataset, task.contract, init, 1),
    };
    const latency = { offline: new Reservoir(LATENCY_SAMPLES), "single-stream": new Reservoir(LATENCY_SAMPLES) };
    const predictions = new Uint8Array(dataset.samples).fill(255);
    const meter = createMeter(init.meter, { tdpOverrideW: init.cpuTdpW });
    await warmRuntime(task, init, batches.offline[0], init.intraOpThreads);
    collectGarbage(); // drop the loader's garbage before the baseline
    const baselineRssBytes = currentRssBytes();
    const peakResetWorked = resetPeakRss();
    const session = await runModel(() => InferenceSession.create(init.modelPath, sessionOptions(init.intraOpThreads)));
    const bench = new ChildBench(init, task, dataset, batches, latency, predictions, meter, session);
    return {
      bench,
      reply: { type: "loaded", samples: dataset.samples, baselineRssBytes, peakResetWorked, meterDetails: meter.details, estimated: meter.estimated },
    };
  }

  async warmup(): Promise<void> {
    await this.scores(this.batches.offline[0]);
    await this.scores(this.batches["single-stream"][0]);
  }

  /**
   * One pass over the test set, outputs checked and scored. The model's memory footprint is the peak up to here:
   * the session was created and ran every batch once; the windows only repeat those runs, and what they add is
   * the JS runtime's garbage, which would make the footprint grow with the number of windows.
   */
  async accuracy(): Promise<{ accuracy: number; macroF1: number; footprintPeakRssBytes: number }> {
    for (const batch of this.batches.offline) argmaxRows(await this.scores(batch), this.task.classes, this.predictions, batch.start);
    return {
      accuracy: accuracy(this.predictions, this.dataset.labels),
      macroF1: macroF1(this.predictions, this.dataset.labels, this.task.classes),
      footprintPeakRssBytes: peakRssBytes(),
    };
  }

  idle(idleS: number) {
    return measureIdle(this.meter, idleS);
  }

  window(scenario: Scenario, windowS: number): Promise<RawWindow> {
    collectGarbage(); // outside the timed span: each window starts from the same heap
    // session.run is called bare inside the window (no wrapper on the timed path); a failure is caught around it.
    const run = (batch: Batch) => this.session.run(batch.feeds, batch.fetches);
    const batches = this.batches[scenario];
    const { samples } = this.dataset;
    return runModel(() => measureWindow({ scenario, windowS, batches, samples, run, meter: this.meter, latency: this.latency[scenario] }));
  }

  finish(): Extract<ChildMessage, { type: "finished" }> {
    const summary = (scenario: Scenario) => ({ ...this.latency[scenario].percentiles(), calls: this.latency[scenario].count });
    return { type: "finished", peakRssBytes: peakRssBytes(), latency: { offline: summary("offline"), "single-stream": summary("single-stream") } };
  }

  /** Scores of one batch, checked against the task's output contract. */
  private async scores(batch: Batch): Promise<Float32Array> {
    const outputs = await runModel(() => this.session.run(batch.feeds));
    const output = outputs[this.init.outputName];
    const expected = [batch.size, this.task.classes];
    const matches = output?.type === "float32" && output.dims.length === 2 && output.dims[0] === batch.size && output.dims[1] === this.task.classes;
    if (!matches) {
      const got = output ? `${output.type} [${output.dims.join(",")}]` : "nothing";
      throw new ModelFailure(`The model's output ${this.init.outputName} was ${got} for a batch of ${batch.size}; the task expects float32 [${expected.join(",")}].`);
    }
    return output.data as Float32Array;
  }
}

/** A full collection where the child runs with --expose-gc (supervise-child.ts does so). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Errors thrown by onnxruntime become ModelFailure, so the parent reports them as the model's runtime error. */
async function runModel<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    throw new ModelFailure(`onnxruntime: ${text.length > 500 ? `${text.slice(0, 500)}…` : text}`);
  }
}
