// Entry of the process that runs the model (forked by supervise-child.ts with tsx): the benchmark's requests only.
import { answer, serveParent } from "./child-serve";

serveParent("benchmarks/harness/child.ts", answer);
