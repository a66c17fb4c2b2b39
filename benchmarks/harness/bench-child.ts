// Entry of bench:harness's model process (bench-protocol.ts): the benchmark's requests, and the reference loops
// the bench compares the harness against.
import type { BenchChildMessage, BenchParentMessage } from "./bench-protocol";
import { answer, loadedBench, serveParent } from "./child-serve";

async function answerBench(message: BenchParentMessage): Promise<BenchChildMessage> {
  switch (message.type) {
    case "paired":
      return { type: "paired", rounds: await loadedBench().paired(message.scenario, message.blockS, message.totalS) };
    case "bare-window":
      return { type: "bare-window", span: await loadedBench().bareWindow(message.scenario, message.windowS) };
    default:
      return answer(message);
  }
}

serveParent("benchmarks/harness/bench-child.ts", answerBench);
