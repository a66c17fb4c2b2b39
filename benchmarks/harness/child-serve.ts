// The model process's side of the protocol, shared by its two entries: child.ts (every benchmark) and
// bench-child.ts (npm run bench:harness, which adds its reference loops). Requests are answered in order, one
// reply each; any failure is reported as one "error" message and the process exits.
import { BenchmarkError } from "../types";
import { ChildBench, ModelFailure } from "./child-bench";
import type { ChildMessage, ParentMessage } from "./protocol";

let bench: ChildBench | undefined;

/** The loaded model's bench; a step before "load" is the harness's own mistake. */
export function loadedBench(): ChildBench {
  if (!bench) throw new Error("the parent asked for a step before loading the model");
  return bench;
}

/** The benchmark's requests (protocol.ts). */
export async function answer(message: ParentMessage): Promise<ChildMessage> {
  switch (message.type) {
    case "load": {
      const loaded = await ChildBench.load(message.init);
      bench = loaded.bench;
      return loaded.reply;
    }
    case "warmup":
      await loadedBench().warmup();
      return { type: "warm" };
    case "probe-batches": {
      const { candidates, blockS, totalS, minRounds } = message;
      return { type: "batch-probes", probes: await loadedBench().probeBatches(candidates, { blockS, totalS, minRounds }) };
    }
    case "accuracy":
      return { type: "accuracy", ...(await loadedBench().accuracy()) };
    case "idle":
      return { type: "idle", ...(await loadedBench().idle(message.idleS)) };
    case "window":
      return { type: "window", window: await loadedBench().window(message.scenario, message.windowS) };
    case "floor-window":
      return { type: "window", window: await loadedBench().floorWindow(message.windowS) };
    case "finish":
      return loadedBench().finish();
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

function send(message: unknown): Promise<void> {
  return new Promise((resolve, reject) => process.send!(message, undefined, undefined, (error) => (error ? reject(error) : resolve())));
}

async function fail(error: unknown): Promise<never> {
  await send(toErrorMessage(error)).catch(() => undefined);
  process.exit(1);
}

/** Answers the parent's requests with `reply` until the parent goes away. `entry`: the file, for the hand-started message. */
export function serveParent<P, C>(entry: string, reply: (message: P) => Promise<C>): void {
  if (!process.send) {
    console.error(`${entry} is started by the harness (runBenchmark), not by hand.`);
    process.exit(2);
  }
  let queue: Promise<void> = Promise.resolve();
  process.on("message", (message: P) => {
    queue = queue.then(() => reply(message).then(send)).catch(fail);
  });
  // The parent went away (killed, or it closed the channel): nothing is left to report to.
  process.on("disconnect", () => process.exit(0));
  process.on("uncaughtException", (error) => void fail(error));
  process.on("unhandledRejection", (error) => void fail(error));
}
