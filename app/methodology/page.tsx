import type { Metadata } from "next";
import { formatPercent } from "@/common/format";
import { PROTOCOL_FACTS as F } from "@/lib/methodology/protocol-facts";
import { ASSUMPTION_SOURCES } from "@/lib/models/environment";
import { BoardsSection } from "./boards-section";
import { FormatsSection } from "./formats-section";
import { ProtocolSection } from "./protocol-section";
import { Formula, Section } from "./section";

export const metadata: Metadata = { title: "Methodology" };

export default function MethodologyPage() {
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
            <li><a href="#formats">Model formats</a></li>
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

      <ProtocolSection />

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

      <BoardsSection />

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
