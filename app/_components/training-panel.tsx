// Training energy and emissions as the submitter reported them, apart from the measured figures and marked
// *reported*, with the life cycle: training plus N inferences, and where inference overtakes training.
import { formatCount, formatSi } from "@/common/format";
import { lifeCycle } from "@/lib/training/life-cycle";
import type { TrainingEmissions } from "@/lib/training/training-emissions";

export function TrainingPanel({ training, energyPerInferenceJ, sciPerInferenceG }: { training: TrainingEmissions | null; energyPerInferenceJ: number; sciPerInferenceG: number | null }) {
  if (!training) return null;
  const cycle = lifeCycle(training, energyPerInferenceJ, sciPerInferenceG);
  const rows: [string, string][] = [];
  if (training.energyKwh !== null) rows.push(["Energy", formatSi(training.energyKwh * 1000, "Wh")]);
  if (training.emissionsKg !== null) rows.push(["Emissions", `${formatSi(training.emissionsKg * 1000, "g")} CO₂e`]);
  if (training.durationS !== null) rows.push(["Duration", `${(training.durationS / 3600).toPrecision(3)} h`]);
  if (training.hardware) rows.push(["Hardware", training.hardware]);
  if (training.location) rows.push(["Location", training.location]);
  if (training.trainingType) rows.push(["Type", training.trainingType]);
  return (
    <div className="space-y-2 rounded border border-dashed border-slate-300 p-3 text-sm dark:border-slate-700" data-testid="training">
      <h4 className="font-medium">
        Training <em className="est">reported</em> <span className="text-xs font-normal text-slate-500">by the submitter ({training.source}); not measured here, never ranked</span>
      </h4>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 md:grid-cols-3">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className="text-slate-500">{label} (reported)</dt>
            <dd className="num">{value}</dd>
          </div>
        ))}
      </dl>
      <ul className="list-disc space-y-0.5 pl-5 text-xs text-slate-600 dark:text-slate-300" data-testid="life-cycle">
        {cycle.energyKwh.map((c) => (
          <li key={c.inferences}>
            Training + {formatCount(c.inferences)} inferences = {formatSi(c.trainingKwh * 1000, "Wh")} (reported) + {formatSi(c.inferenceKwh * 1000, "Wh")} (measured)
          </li>
        ))}
        {cycle.breakEvenByEnergy !== null ? <li>Inference energy overtakes training energy after {formatCount(cycle.breakEvenByEnergy)} inferences.</li> : null}
        {cycle.breakEvenByCarbon !== null ? <li>Inference CO₂e (SCI) overtakes training emissions after {formatCount(cycle.breakEvenByCarbon)} inferences.</li> : null}
      </ul>
    </div>
  );
}
