// Section 2 of the methodology: the measurement protocol, step by step, with the figures the harness uses.
import { formatPercent } from "@/common/format";
import { PROTOCOL_FACTS as F } from "@/lib/methodology/protocol-facts";
import { Formula, Section } from "./section";

export function ProtocolSection() {
  const windowS = Object.entries(F.windowS)
    .map(([meter, s]) => `${s} s (${meter})`)
    .join(", ");
  return (
    <Section id="protocol" title="2. Measurement protocol">
      <ol className="list-decimal space-y-2 pl-5">
        <li>
          <strong>Validation</strong> before anything runs: size limit, the protobuf parses, exactly one input and one output matching the
          task&apos;s contract (element type and shape, batch dimension free or fixed at 1), operators from the standard ONNX domains only,
          no external data, no custom-operator libraries. A refusal names the rule that failed ({F.validationRules.join(", ")}).
        </li>
        <li>
          <strong>Isolation</strong>: the model runs in a child process under onnxruntime-node with {F.intraOpThreads} intra-op thread,
          sequential execution, a wall-clock limit ({F.timeLimitS} s by default) and a resident-memory limit ({F.memoryLimitMb} MB by
          default; the child&apos;s peak is polled every 20 ms from outside). A worker runs one benchmark at a time.
        </li>
        <li>
          <strong>Loading</strong>: the runtime is first warmed with a null model of the task&apos;s contract, so onnxruntime&apos;s own
          one-off set-up cost is not charged to the model; the test set and input tensors are loaded; then the model&apos;s session is
          created and run once (warm-up). Graph inputs that are initializers too (IR&nbsp;&lt;&nbsp;4 files, or{" "}
          <code>keep_initializers_as_inputs=True</code> exports) are removed from the inputs first, as onnxruntime would otherwise treat
          the weights as inputs and fold nothing: the MNIST CNN so exported measured 2× the energy and 1.7× the memory of the same weights
          stored normally. The result records how many were removed, and onnxruntime&apos;s warnings are kept in its log.
        </li>
        <li id="batch">
          <strong>Offline batch</strong>: MLPerf Offline lets the submitter tune the batch; here the harness does it for every model.
          In a process of its own (so the memory of the largest batches never counts), the batch sizes {F.probeBatches.join(", ")} (no
          larger than the test set) take turns in 25 ms blocks for {F.batchProbeS} s, and the offline windows run at the one with the
          least CPU time per sample; sizes within {formatPercent(F.batchTieTolerance, 0)} of it count as equal and the smallest is taken
          (same cost, less memory). Measured on one thread: the MNIST CNN baseline costs 12.0 µs per sample at batch 64 and 13.0 µs at
          256, where its activations leave the cache; the MNIST MLP is cheapest at 256. A model whose batch dimension is fixed at 1 is
          measured at batch 1 and says so on the board and in the CLI.
        </li>
        <li>
          <strong>Memory</strong>: the model&apos;s footprint is the child&apos;s peak resident memory (VmHWM, reset after loading) from
          creating the session through one pass over the test set, minus its resident memory just before the session was created. File
          size and parameter count (from the initializers) are shown beside it.
        </li>
        <li>
          <strong>Accuracy</strong>: one pass over the whole test set, at the chosen batch; the outputs&apos; garbage is collected every
          few calls, so a batch-1 model&apos;s footprint repeats instead of growing with the calls (12.4 to 25.9 MiB over six runs of one
          such file before). Below the task&apos;s quality floor the result is stored and shown, but
          not ranked.
        </li>
        <li>
          <strong>Idle baseline</strong>: the meter is read over {F.idleS} s with the child loaded and idle, just before the windows, in
          five equal slices; the quietest slice is the idle power (work left over from the accuracy pass, such as garbage collection,
          would otherwise inflate it), and it is subtracted from every window.
        </li>
        <li>
          <strong>Energy windows</strong>: {F.windows} offline windows and {F.singleStreamWindows} single-stream ones, each repeating whole passes over the test set until at least{" "}
          {windowS} have passed. The offline windows are spread over {F.windowProcesses} processes, two each (every one loads the model,
          warms up and takes its own idle baseline): a process keeps a speed of its own for its whole life, from where its memory landed
          (measured: one model in six processes taking turns differed by up to 15 %), which windows of one process can neither see nor
          average out. Windows are added, up to {F.maxWindows} (offline: in new processes), while the coefficient of variation of the
          per-window figures is above {formatPercent(F.cvLimit, 0)}; a result still above it is flagged <em>unstable</em> (⚠).
        </li>
        <li>
          <strong>Two scenarios</strong>, as in MLPerf Inference. <em>Offline</em>: the test set in order, in batches of the chosen
          size (above); energy per sample. Boards rank by this one: it is the model&apos;s own cost, with the runtime&apos;s
          fixed per-call cost spread over the batch. <em>Single-stream</em>: batch 1; energy per query and latency p50/p90, the cost of
          serving one request. Beside it, where the result has it, the <em>harness floor</em>: a null model with the task&apos;s contract
          measured the same way, so a reader sees how much of a query is the runtime&apos;s own cost. A model whose batch dimension is
          fixed at 1 runs offline at batch 1, and its result says so.
        </li>
      </ol>
      <Formula>per window: net energy (J) = gross energy − idle power × window duration (never below 0)</Formula>
      <Formula>per window: energy per inference = net energy ÷ samples processed in the window</Formula>
    </Section>
  );
}
