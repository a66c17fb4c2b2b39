// Entry of the process that runs the model (forked by supervise-child.ts with tsx). It answers the parent's
// requests in order, one reply each; any failure is reported as one "error" message and the process exits.
import { BenchmarkError } from "../types";
import { ChildBench, ModelFailure } from "./child-bench";
import type { ChildMessage, ParentMessage } from "./protocol";

let bench: ChildBench | undefined;
let queue: Promise<void> = Promise.resolve();

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve, reject) => process.send!(message, undefined, undefined, (error) => (error ? reject(error) : resolve())));
}

function ready(): ChildBench {
  if (!bench) throw new Error("the parent asked for a step before loading the model");
  return bench;
}

async function handle(message: ParentMessage): Promise<ChildMessage> {
  switch (message.type) {
    case "load": {
      const loaded = await ChildBench.load(message.init);
      bench = loaded.bench;
      return loaded.reply;
    }
    case "warmup":
      await ready().warmup();
      return { type: "warm" };
    case "probe-batches": {
      const { candidates, blockS, totalS, minRounds } = message;
      return { type: "batch-probes", probes: await ready().probeBatches(candidates, { blockS, totalS, minRounds }) };
    }
    case "accuracy":
      return { type: "accuracy", ...(await ready().accuracy()) };
    case "idle":
      return { type: "idle", ...(await ready().idle(message.idleS)) };
    case "window":
      return { type: "window", window: await ready().window(message.scenario, message.windowS) };
    case "floor-window":
      return { type: "window", window: await ready().floorWindow(message.windowS) };
    case "paired":
      return { type: "paired", rounds: await ready().paired(message.scenario, message.blockS, message.totalS) };
    case "bare-window":
      return { type: "bare-window", span: await ready().bareWindow(message.scenario, message.windowS) };
    case "finish":
      return ready().finish();
  }
}

function toErrorMessage(error: unknown): ChildMessage {
  // The engine's own refusals (a missing dataset, a meter that cannot read) keep their code and message.
  if (error instanceof BenchmarkError) {
    return { type: "error", code: error.code, message: error.message, rule: error.rule };
  }
  if (error instanceof ModelFailure) return { type: "error", code: "runtime_error", message: error.message };
  // Anything else is the harness's own fault; say so rather than blame the model.
  const text = error instanceof Error ? error.message : String(error);
  return { type: "error", code: "runtime_error", message: `The benchmark harness failed: ${text.slice(0, 500)}` };
}

async function fail(error: unknown): Promise<never> {
  await send(toErrorMessage(error)).catch(() => undefined);
  process.exit(1);
}

if (!process.send) {
  console.error("benchmarks/harness/child.ts is started by the harness (runBenchmark), not by hand.");
  process.exit(2);
}

process.on("message", (message: ParentMessage) => {
  queue = queue.then(() => handle(message).then(send)).catch(fail);
});
// The parent went away (killed, or it closed the channel): nothing is left to report to.
process.on("disconnect", () => process.exit(0));
process.on("uncaughtException", (error) => void fail(error));
process.on("unhandledRejection", (error) => void fail(error));
