// npm run bench:harness's own requests to the model process, beside the benchmark's (protocol.ts). They go to a
// child entry of their own (bench-child.ts), so the process every benchmark runs in answers none of them.
import type { Scenario } from "../types";
import type { ChildMessage, PairedRound, ParentMessage, Span } from "./protocol";
import { ChildSupervisor, type ChildLimits } from "./supervise-child";

export type BenchParentMessage =
  | ParentMessage
  /**
   * The harness's measured loop against a bare `session.run(feeds)` loop, in alternating blocks of `blockS` for
   * `totalS`: what `npm run bench:harness` compares (ChildBench.paired).
   */
  | { type: "paired"; scenario: Scenario; blockS: number; totalS: number }
  /** Whole passes of the bare loop alone for at least `windowS`, answered with "bare-window" (bench:harness's CV reference). */
  | { type: "bare-window"; scenario: Scenario; windowS: number };

export type BenchChildMessage = ChildMessage | { type: "paired"; rounds: PairedRound[] } | { type: "bare-window"; span: Span };

/** A model process that answers the benchmark's requests and bench:harness's. */
export function superviseBenchChild(limits: ChildLimits): ChildSupervisor<BenchParentMessage, BenchChildMessage> {
  return new ChildSupervisor<BenchParentMessage, BenchChildMessage>(limits, new URL("./bench-child.ts", import.meta.url));
}
