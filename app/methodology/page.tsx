import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { listTasks } from "@/benchmarks/tasks/catalog";
import { formatPercent } from "@/lib/format";
import { ENERGY_CLASSES, energyClassRange } from "@/lib/leaderboard/grades";
import { PROTOCOL_FACTS as F } from "@/lib/methodology/protocol-facts";
import { ASSUMPTION_SOURCES } from "@/lib/models/environment";
import { FormatsSection } from "./formats-section";
import { Section } from "./section";

export const metadata: Metadata = { title: "Methodology" };

function Formula({ children }: { children: ReactNode }) {
  return <p className="rounded bg-slate-50 px-3 py-2 font-mono text-sm dark:bg-slate-900">{children}</p>;
}

export default function MethodologyPage() {
  const tasks = listTasks();
  const windowS = Object.entries(F.windowS)
    .map(([meter, s]) => `${s} s (${meter})`)
    .join(", ");
  return (
    <article className="max-w-3xl space-y-10 leading-relaxed">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">Methodology</h1>
        <p className="text-slate-600 dark:text-slate-300">
          What a figure on frugalboard means, how it is measured, and where it can mislead. Written for a reviewer who wants to know whether
          two numbers on a board can be compared. Measurement protocol version <code>{F.harnessVersion}</code>; every result stores the
          version that produced it, and results of different protocol versions are never presented as alike.
        </p>
        <nav className="text-sm">
          <ol className="list-decimal space-y-0.5 pl-5">
            <li><a href="#score">The score</a></li>
            <li><a href="#protocol">Measurement protocol</a></li>
            <li><a href="#meters">Meters</a></li>
            <li><a href="#estimate">What an estimate means</a></li>
            <li><a href="#statistics">Statistics</a></li>
            <li><a href="#boards">Boards, ranking and grades</a></li>
            <li><a href="#environment">Environmental conversions</a></li>
            <li><a href="#limits">Limits</a></li>
          </ol>
        </nav>
      </header>

      <Section id="score" title="1. The score: accuracy per joule">
        <Formula>accuracy per joule = accuracy ÷ energy per inference (J) = correct predictions per joule</Formula>
        <p>
          Accuracy is measured on the task&apos;s whole fixed test set (the prediction is the argmax of the model&apos;s scores); macro-F1 is
          shown beside it. Energy per inference is the median, over several measured windows, of the energy attributable to the model divided
          by the number of samples it processed, in the <em>offline</em> scenario (below). A model that is twice as accurate per joule gives
          twice the correct answers for the same energy.
        </p>
      </Section>

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

      <Section id="meters" title="3. Meters">
        <p>Each result names the meter that produced it; results of different meters are never ranked together.</p>
        <ul className="list-disc space-y-2 pl-5">
          <li>
            <strong>rapl</strong> — Linux powercap counters (<code>/sys/class/powercap/*/energy_uj</code>, package and DRAM domains), read at
            the start and end of each window, with wrap-around handled from <code>max_energy_range_uj</code>. The counters measure the whole
            socket, so the idle baseline is subtracted. This is a measurement, within RAPL&apos;s own accuracy (a model of the CPU&apos;s power
            on older Intel parts, a reading on newer ones).
          </li>
          <li>
            <strong>estimate</strong> — where no counter is readable (most virtual machines): a model of power, not a reading. Shown
            everywhere as <em>estimated</em>.
          </li>
          <li>
            <strong>nvml</strong> (GPU) — a later meter with the same interface.
          </li>
        </ul>
      </Section>

      <Section id="estimate" title="4. What an estimate means">
        <Formula>gross energy (J) = CPU seconds of the child × W per hardware thread + resident GB × {F.memoryWPerGb} W/GB × wall seconds</Formula>
        <Formula>W per hardware thread = TDP of the CPU package ÷ its hardware threads ({F.unknownCpuWPerThread} W when the CPU is unknown)</Formula>
        <p>
          CPU seconds are the child&apos;s user + system time over the window (all its threads, onnxruntime&apos;s included); resident memory
          is sampled between passes. The memory term uses 0.3725 W per GB from Green Algorithms (Lannelongue et al., <em>Advanced Science</em>{" "}
          2021). TDP is the maker&apos;s figure for the CPUs below, or the operator&apos;s <code>FRUGAL_CPU_TDP_W</code>. On a virtual
          machine the package&apos;s thread count is used, not the threads the VM shows, so a VM is charged its share of the package.
        </p>
        <p>
          An estimate is therefore <strong>proportional to CPU time</strong>: it ranks models by how much processor time they use, weighted
          by a nominal power. It cannot see frequency scaling, vector-unit power, memory traffic beyond residency, or the difference between a
          busy core and a stalled one. Two estimated results on the same hardware profile compare like with like; an estimated figure
          should not be compared with a measured one, and boards never do.
        </p>
        <details className="text-sm">
          <summary className="cursor-pointer">TDP table ({F.cpuSpecs.length} CPUs)</summary>
          <table className="mt-2">
            <thead>
              <tr className="text-left text-slate-500">
                <th className="pr-6 font-medium">CPU (source)</th>
                <th className="pr-6 font-medium">TDP</th>
                <th className="pr-6 font-medium">Threads</th>
              </tr>
            </thead>
            <tbody>
              {F.cpuSpecs.map((spec) => (
                <tr key={spec.cpu} className="num">
                  <td className="pr-6">{spec.cpu}</td>
                  <td className="pr-6">{spec.tdpW} W</td>
                  <td className="pr-6">{spec.threads}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </Section>

      <Section id="statistics" title="5. Statistics">
        <ul className="list-disc space-y-2 pl-5">
          <li>The energy figure is the <strong>median</strong> of the per-window energies per inference.</li>
          <li>
            The <strong>95 % confidence interval</strong> is a Student-t interval of the mean (mean ± t₀.₉₇₅,ₙ₋₁ · s/√n), widened to contain
            the median if needed and clipped at 0: offline, of the processes&apos; means (n = processes), since windows of one process share
            its speed; single-stream, of the windows. Why not an interval of the median: with few values no distribution-free interval for
            the median reaches 95 % (min…max of five covers 93.75 %).
          </li>
          <li>
            That interval covers the windows of <em>one run</em>. How far runs repeat is measured too: while no submission waits, each worker
            re-benchmarks one reference baseline per task (at most hourly per reference; a submission that arrives stops it at once). A
            profile&apos;s <strong>between-run spread</strong> is the largest CV over the references with 3 runs or more (each over its latest 10
            runs), and its 95 % half-width b = t₀.₉₇₅,ₙ₋₁ × CV is shown on the board (&ldquo;figures on this machine repeat within ±b&rdquo;). The
            <strong> published interval</strong> combines each side of the within-run interval w with b in quadrature: E·(1 − √(w<sub>low</sub>² + b²))
            to E·(1 + √(w<sub>high</sub>² + b²)), clipped at 0. Until a spread is measured, the within-run interval is published and labelled so.
          </li>
          <li>
            The <strong>coefficient of variation</strong> (sample standard deviation ÷ mean) of the windows decides whether more windows are
            taken, and flags a result unstable when it stays above {formatPercent(F.cvLimit, 0)}.
          </li>
          <li>Latency percentiles interpolate linearly between order statistics (R type 7), over the calls of the measured windows (a uniform reservoir sample of them when there are very many, so the harness does not grow its memory while it measures).</li>
        </ul>
      </Section>

      <Section id="boards" title="6. Boards, ranking and grades">
        <p>
          A board is one task, one scenario (offline), one hardware profile (CPU model, core and thread counts, OS, architecture, Node.js and
          onnxruntime versions, intra-op threads) and one meter. Each model appears once, with its latest finished result on that board. The
          default board of a task is the profile with the most results, then the best meter (rapl before estimate).
        </p>
        <ul className="list-disc space-y-2 pl-5">
          <li>
            <strong>Ranking</strong>: among results at or above the task&apos;s quality floor, not withdrawn, listed by accuracy per joule,
            ties by accuracy.
          </li>
          <li id="ties">
            <strong>Ties</strong>: a rank claims only what the figures can tell apart. Accuracy on the fixed test set is exact; the
            uncertainty is the published 95 % interval of the energy per inference, so a result&apos;s accuracy per joule lies in
            [accuracy ÷ upper energy, accuracy ÷ lower energy] (the point value when a result has no interval). Another result is{" "}
            <em>better beyond the uncertainty</em> when its whole interval lies above this one&apos;s: its lower end is above this
            one&apos;s upper end. A result&apos;s rank is 1 + the number of ranked results better beyond the uncertainty, the rule
            Chatbot Arena uses for its leaderboard. Results that share a rank show it as <strong>=3</strong> on the board, in the API,
            the CSV, the CLI and the badge (which shows the default board&apos;s rank; a badge pinned to one result shows none, since
            ranks move as others submit). Ranks can therefore skip (=1, =1, 3) and, because intervals differ in width, a result listed lower can
            hold a better rank than one above it; the list itself stays in order of the figures, and the Pareto front uses the
            figures too. Results below the floor are not ranked and do not count.
          </li>
          <li>
            <strong>Pareto front</strong>: a ranked result that no other ranked result beats on both accuracy and energy (at least as good on
            both and strictly better on one).
          </li>
          <li>
            <strong>Energy class A–G</strong>: absolute and dated per task, from µJ per inference, so a class does not move when others
            submit. A revision of the bounds gets a new date.
          </li>
          <li>
            <strong>Stars 1–5</strong>: relative to the board, after the AI Energy Score: the range between the board&apos;s cheapest and
            costliest ranked result is cut into five equal slices, the cheapest slice getting five stars. Unlike the AI Energy Score the
            slices are equal in <strong>log</strong> energy: boards here span orders of magnitude, and linear slices would put every model but
            the costliest in the top slice. A board with one energy figure gives five stars.
          </li>
        </ul>
        <div className="overflow-x-auto">
          <table className="text-sm">
            <thead>
              <tr className="text-left text-slate-500">
                <th className="pr-4 font-medium">Task</th>
                <th className="pr-4 font-medium">Floor</th>
                {ENERGY_CLASSES.map((c) => (
                  <th key={c} className="pr-4 font-medium">
                    {c}
                  </th>
                ))}
                <th className="pr-4 font-medium">Dated</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => (
                <tr key={task.id} className="num">
                  <td className="pr-4">
                    <Link href={`/tasks/${task.id}`}>{task.id}</Link>
                  </td>
                  <td className="pr-4">{formatPercent(task.qualityFloor, 0)}</td>
                  {ENERGY_CLASSES.map((c) => (
                    <td key={c} className="pr-4 whitespace-nowrap">
                      {energyClassRange(c, task.energyClasses)}
                    </td>
                  ))}
                  <td className="pr-4 whitespace-nowrap">{task.energyClasses.dated}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-600 dark:text-slate-300">
          {tasks.map((task) => (
            <li key={task.id}>
              <strong>{task.id}</strong>: floor — {task.qualityFloorReason} Classes — {task.energyClasses.reason}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="environment" title="7. Environmental conversions">
        <Formula>energy per million inferences (kWh) = energy per inference (J) × 10⁶ ÷ 3.6 × 10⁶</Formula>
        <Formula>CO₂e = kWh × grid intensity (g/kWh) · water = kWh × WUE (L/kWh)</Formula>
        <ul className="list-disc space-y-1 pl-5 text-sm">
          <li>{ASSUMPTION_SOURCES.energy}</li>
          <li>{ASSUMPTION_SOURCES.grid} Operators set their own with FRUGAL_GRID_G_PER_KWH; readers can change it on each model page.</li>
          <li>{ASSUMPTION_SOURCES.wue} Set with FRUGAL_WUE_L_PER_KWH.</li>
          <li>Derived from an estimated energy, these figures are estimates too, and are labelled so.</li>
        </ul>
      </Section>

      <FormatsSection />

      <Section id="limits" title="9. Limits">
        <ul className="list-disc space-y-2 pl-5">
          <li>
            Figures are for <strong>one CPU thread under onnxruntime-node</strong>. Another runtime, more threads, a GPU or a quantised
            build would give other numbers; compare within a board only.
          </li>
          <li>
            <strong>Estimates model CPU time, not power</strong> (section 4). They are comparable on one hardware profile, and indicative
            across profiles at best.
          </li>
          <li>
            RAPL measures the whole package: other load on the machine during a window adds to it. The idle baseline removes steady
            background power, not bursts; the windows&apos; spread (CI, CV, unstable flag) is the signal to read.
          </li>
          <li>
            On a <strong>shared virtual machine</strong> the CPU&apos;s own speed changes from second to second (another guest on the same
            core, frequency changes), and CPU time per inference with it. On the 2-vCPU KVM guest this project is built on, a bare
            onnxruntime loop varied by 2–21 % across 2 s windows (coefficient of variation, median 9 % over 15 baseline models,
            November 2026; <code>npm run bench:harness</code> prints it beside the harness&apos;s own). Results from such machines are often flagged
            unstable: their median and interval still hold, but a steady figure needs an idle machine. Between runs it is worse: five
            runs in a row of each task&apos;s reference baseline on that guest, idle, varied by 5.3–11.9 % (CV; December 2026,
            harness 1.4.0, <code>npm run bench:repeat</code>), as the machine&apos;s speed drifted over minutes. The within-run intervals
            held the other runs&apos; median in 9 of 25 runs; the published intervals, widened by the spread measured on the other
            references (±20–33 % there), in 25 of 25. The MNIST CNN and its twin trained with another seed measured 58.8 and
            57.1 µJ and shared one rank in each of three pairs of runs.
          </li>
          <li>
            Test sets are small and public. Accuracy on them says nothing about robustness or fairness, and a model may have seen them; the
            floor only separates models that learnt the task from ones that did not.
          </li>
          <li>
            Memory is the resident-set growth of one process, including allocator slack; it is a footprint, not a minimum requirement.
          </li>
          <li>
            Only inference is measured. Training, data collection and the machine&apos;s manufacture are outside these figures, as are the
            data-centre overhead (PUE) and the network.
          </li>
        </ul>
      </Section>
    </article>
  );
}
