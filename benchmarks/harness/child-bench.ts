// The child's side of a benchmark: it holds the model's session and does what the parent asks, one step at a time.
import { performance } from "node:perf_hooks";
import { readFile } from "node:fs/promises";
import { InferenceSession } from "onnxruntime-node";
import { createMeter } from "../meters/create-meter";
import type { Meter } from "../meters/meter";
import { accuracy, argmaxRows, macroF1 } from "../stats/classification";
import { quote } from "../onnx/rules";
import { Reservoir } from "../stats/reservoir";
import { requireTask } from "../tasks/catalog";
import { loadTaskDataset } from "../tasks/registry";
import { BenchmarkError, type LoadedDataset, type Scenario, type TaskDefinition } from "../types";
import { buildBatches, type Batch } from "./batches";
import type { BatchProbe } from "./choose-batch";
import { prepareModel } from "./prepare-model";
import { probeBatches, type ProbeOptions } from "./probe-batches";
import { currentRssBytes, peakRssBytes, resetPeakRss } from "./memory";
import { cpuSecondsSince, measureIdle, measureWindow } from "./measure-window";
import { buildNullModel, modelSessionOptions, sessionOptions, warmRuntime } from "./warm-runtime";
import { addSpans, type ChildInit, type ChildMessage, type PairedRound, type RawWindow, type Span } from "./protocol";

/** Latency samples kept per scenario (8 bytes each); beyond it the reservoir keeps a uniform sample. */
const LATENCY_SAMPLES = 100_000;
/** Calls between scavenges in the accuracy pass (ChildBench.accuracy). */
const ACCURACY_SCAVENGE_EVERY = 16;
/** Longest untimed window run before a scenario's first measured one (see window()). */
const WARM_WINDOW_MAX_S = 0.5;

export class ModelFailure extends Error {}

export class ChildBench {
  /** The harness floor's null model and its latencies, made on the first floor window (after the footprint). */
  private floor: { session: InferenceSession; latency: Reservoir } | undefined;
  private readonly warmed = new Set<Scenario>();

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
   * Loads everything the measurement needs, then the model. The runtime (warmed by a null model), the dataset, the
   * pre-built tensors and the latency buffers are in place BEFORE the baseline RSS is read, so peak − baseline is
   * the footprint of the model's session and its runs alone (docs/architecture.md, "Measurement protocol" step 3).
   * The peak is reset after loading so the dataset's load-time peak is not counted.
   */
  static async load(init: ChildInit): Promise<{ bench: ChildBench; reply: Extract<ChildMessage, { type: "loaded" }> }> {
    const task = requireTask(init.taskId);
    const dataset = await loadTaskDataset(task);
    const batches = {
      offline: buildBatches(dataset, task.contract, init, init.offlineBatchSize),
      "single-stream": buildBatches(dataset, task.contract, init, 1),
    };
    const latency = { offline: new Reservoir(LATENCY_SAMPLES), "single-stream": new Reservoir(LATENCY_SAMPLES) };
    const predictions = new Uint8Array(dataset.samples).fill(255);
    const meter = createMeter(init.meter, { tdpOverrideW: init.cpuTdpW, powercapRoot: init.powercapRoot });
    await warmRuntime(task, init, batches.offline[0], init.intraOpThreads);
    // The file is read (and its initializer inputs removed) before the baseline, so its bytes are not the footprint.
    const prepared = prepareModel(new Uint8Array(await readFile(init.modelPath)));
    collectGarbage(); // drop the loader's garbage before the baseline
    const baselineRssBytes = currentRssBytes();
    const peakResetWorked = resetPeakRss();
    const session = await runModel(() => InferenceSession.create(prepared.bytes, modelSessionOptions(init.intraOpThreads)));
    const bench = new ChildBench(init, task, dataset, batches, latency, predictions, meter, session);
    return {
      bench,
      reply: {
        type: "loaded",
        samples: dataset.samples,
        baselineRssBytes,
        peakResetWorked,
        meterDetails: meter.details,
        estimated: meter.estimated,
        initializerInputsRemoved: prepared.initializerInputsRemoved,
      },
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
    const { offline } = this.batches;
    for (let i = 0; i < offline.length; i++) {
      argmaxRows(await this.scores(offline[i]), this.task.classes, this.predictions, offline[i].start);
      // The outputs of earlier calls are garbage; left to pile up, they made the footprint of a model run at
      // batch 1 (10,000 calls) anywhere from 12.4 to 25.9 MiB across six runs of one file. A scavenge every few
      // calls keeps them out of the peak; a full collection is not used, as it shrinks V8's young generation and
      // slows the windows that follow (see window()).
      if (i % ACCURACY_SCAVENGE_EVERY === ACCURACY_SCAVENGE_EVERY - 1) scavenge();
    }
    return {
      accuracy: accuracy(this.predictions, this.dataset.labels),
      macroF1: macroF1(this.predictions, this.dataset.labels, this.task.classes),
      footprintPeakRssBytes: peakRssBytes(),
    };
  }

  /**
   * Each candidate batch size over the same session, in alternating blocks (probe-batches.ts). Sent to a child of
   * its own, never to the one whose footprint and windows are measured.
   */
  async probeBatches(candidates: number[], options: ProbeOptions): Promise<BatchProbe[]> {
    const sets = candidates.map((batchSize) => ({ batchSize, batches: buildBatches(this.dataset, this.task.contract, this.init, batchSize) }));
    return runModel(() => probeBatches(sets, (batch) => this.session.run(batch.feeds), options));
  }

  idle(idleS: number) {
    return measureIdle(this.meter, idleS);
  }

  /**
   * One measured window. Before a scenario's first, an untimed one (at most 0.5 s) runs the same loop, so the
   * first measured window does not carry the JIT's tiering of the loop. No garbage collection is forced before a
   * window: after gc() V8 shrinks its young generation and a small model then ran about 20 % slower, with more CPU
   * per inference, for the whole window (measured with onnxruntime-node 1.30, Node 20, a 7,850-parameter model).
   */
  async window(scenario: Scenario, windowS: number): Promise<RawWindow> {
    // session.run is called bare inside the window (no wrapper on the timed path); a failure is caught around it.
    const run = (batch: Batch) => this.session.run(batch.feeds);
    const batches = this.batches[scenario];
    const { samples } = this.dataset;
    if (!this.warmed.has(scenario)) {
      this.warmed.add(scenario);
      const scratch = new Reservoir(1);
      await runModel(() => measureWindow({ scenario, windowS: Math.min(windowS, WARM_WINDOW_MAX_S), batches, samples, run, meter: this.meter, latency: scratch }));
    }
    return runModel(() => measureWindow({ scenario, windowS, batches, samples, run, meter: this.meter, latency: this.latency[scenario] }));
  }

  /**
   * The reference for `npm run bench:harness`: rounds of the harness's measured loop (measureWindow, exactly as
   * window() runs it) against the plainest loop a user would write, `session.run(feeds)` over the same session and
   * inputs, in blocks of `blockS`, ordered harness-raw-raw-harness so a machine that speeds up or slows down over a
   * round tilts neither side; rounds go on until `totalS` has passed (two at least). Short blocks in one process,
   * because this kind of VM changes speed by tens of per cent within seconds (a fixed JS workload: CV 24 % across
   * 1 s chunks), and two processes running the same model differed by up to 45 % for their whole life.
   */
  async paired(scenario: Scenario, blockS: number, totalS: number): Promise<PairedRound[]> {
    const job = { scenario, windowS: blockS, batches: this.batches[scenario], samples: this.dataset.samples, meter: this.meter };
    const run = (batch: Batch) => this.session.run(batch.feeds);
    // A reservoir of its own, as large as the real one, so the result's latencies are not these blocks'.
    const latency = new Reservoir(LATENCY_SAMPLES);
    const harnessBlock = () => runModel(() => measureWindow({ ...job, run, latency }));
    // Untimed first: the JIT's tiering of both loops would otherwise land in the first round.
    await harnessBlock();
    await this.bareWindow(scenario, blockS);
    const rounds: PairedRound[] = [];
    const start = performance.now();
    while (rounds.length < 2 || performance.now() - start < totalS * 1000) {
      const round = { harness: await harnessBlock(), raw: await this.bareWindow(scenario, blockS) };
      const [raw, harness] = [await this.bareWindow(scenario, blockS), await harnessBlock()];
      rounds.push({ harness: addSpans(round.harness, harness), raw: addSpans(round.raw, raw) });
    }
    return rounds;
  }

  /** Whole passes of a bare `session.run(feeds)` loop for at least `seconds`: no clock per call, no meter, no RSS. */
  async bareWindow(scenario: Scenario, seconds: number): Promise<Span> {
    const { session } = this;
    const batches = this.batches[scenario];
    let inferences = 0;
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    do {
      for (const batch of batches) await session.run(batch.feeds);
      inferences += this.dataset.samples;
    } while (performance.now() - start < seconds * 1000);
    return { inferences, wallS: (performance.now() - start) / 1000, cpuS: cpuSecondsSince(cpuStart) };
  }

  /** One single-stream window of the null model: the same batches, loop and meter as the model's windows. */
  async floorWindow(windowS: number): Promise<RawWindow> {
    if (!this.floor) {
      const session = await InferenceSession.create(buildNullModel(this.task, this.init), sessionOptions(this.init.intraOpThreads));
      this.floor = { session, latency: new Reservoir(LATENCY_SAMPLES) };
      await session.run(this.batches["single-stream"][0].feeds); // its warm-up
    }
    const { session, latency } = this.floor;
    const run = (batch: Batch) => session.run(batch.feeds);
    const batches = this.batches["single-stream"];
    return measureWindow({ scenario: "single-stream", windowS, batches, samples: this.dataset.samples, run, meter: this.meter, latency });
  }

  finish(): Extract<ChildMessage, { type: "finished" }> {
    const summary = (reservoir: Reservoir) => ({ ...reservoir.percentiles(), calls: reservoir.count });
    return {
      type: "finished",
      peakRssBytes: peakRssBytes(),
      latency: { offline: summary(this.latency.offline), "single-stream": summary(this.latency["single-stream"]) },
      floorLatency: summary(this.floor?.latency ?? new Reservoir(1)),
    };
  }

  /**
   * Scores of one batch, checked against the task's output contract: its shape, and finite values (a NaN or an
   * infinity has no argmax, so a model giving them would be scored on an arbitrary class, not refused).
   */
  private async scores(batch: Batch): Promise<Float32Array> {
    const outputs = await runModel(() => this.session.run(batch.feeds));
    const output = outputs[this.init.outputName];
    const name = quote(this.init.outputName);
    const expected = [batch.size, this.task.classes];
    const matches = output?.type === "float32" && output.dims.length === 2 && output.dims[0] === batch.size && output.dims[1] === this.task.classes;
    if (!matches) {
      const got = output ? `${output.type} [${output.dims.join(",")}]` : "nothing";
      throw new BenchmarkError(
        "invalid_output",
        `The model's output ${name} was ${got} for a batch of ${batch.size}; the task expects float32 [${expected.join(",")}]. ` +
          "Make the graph give one score per class, batch first, for any batch size.",
        "output-shape",
      );
    }
    const data = output.data as Float32Array;
    const bad = countNonFinite(data);
    if (bad > 0) {
      throw new BenchmarkError(
        "invalid_output",
        `The model's output ${name} holds ${bad} of ${data.length} scores that are NaN or infinite ` +
          `(batch of ${batch.size} from sample ${batch.start}). Scores must be finite numbers; check the model for a division by zero, a log of 0 or an overflow.`,
        "output-values",
      );
    }
    return data;
  }
}

function countNonFinite(values: Float32Array): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) count++;
  return count;
}

type Gc = (options?: { type: "major" | "minor"; execution: "sync" }) => void;

/** A full collection where the child runs with --expose-gc (supervise-child.ts does so). */
function collectGarbage(): void {
  (globalThis as { gc?: Gc }).gc?.();
}

/** A young-generation collection only (V8's scavenge): frees short-lived garbage, leaves the heap's sizing alone. */
function scavenge(): void {
  (globalThis as { gc?: Gc }).gc?.({ type: "minor", execution: "sync" });
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
