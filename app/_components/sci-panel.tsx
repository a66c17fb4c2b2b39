// SCI per inference (ISO/IEC 21031:2024) with its formula and every assumption in view. A conversion of the
// measured energy, labelled as one; boards never rank by it.
import { formatSi } from "@/common/format";
import { SCI_SOURCES } from "@/lib/sci/sci";
import type { ResultSci } from "@/lib/sci/sci-of-result";

export function SciPanel({ sci }: { sci: ResultSci | null }) {
  if (!sci) return null;
  const est = sci.estimated ? " (estimated)" : "";
  const a = sci.assumptions;
  return (
    <div className="space-y-2 text-sm" data-testid="sci">
      <h4 className="font-medium">
        Software Carbon Intensity <span className="text-xs font-normal text-slate-500">a conversion, not a measurement; never ranked</span>
      </h4>
      <dl className="grid grid-cols-1 gap-2 sm:grid-cols-3">
        <div>
          <dt className="text-slate-500">SCI per inference{est}</dt>
          <dd className="num font-medium" data-testid="sci-per-inference">
            {formatSi(sci.perInferenceG, "g")} CO₂e
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">per million inferences{est}</dt>
          <dd className="num font-medium">{formatSi(sci.perMillionG, "g")} CO₂e</dd>
        </div>
        <div>
          <dt className="text-slate-500">of which embodied (M)</dt>
          <dd className="num font-medium">{formatSi(sci.embodiedG, "g")} per inference</dd>
        </div>
      </dl>
      <ul className="list-disc space-y-0.5 pl-5 text-xs text-slate-500">
        <li>{SCI_SOURCES.formula}</li>
        <li>
          E = {formatSi(sci.energyKwh * 1000, "Wh")} per inference{est}; I = {a.gridGPerKwh} g CO₂e/kWh; E × I = {formatSi(sci.operationalG, "g")}.
        </li>
        <li>
          M = TE × TR/EL × RR/ToR = {a.embodiedKg} kg × ({formatSi(sci.timePerInferenceS, "s")} ÷ {a.lifespanYears} years) × {sci.resourceShare.toPrecision(3)} ={" "}
          {formatSi(sci.embodiedG, "g")}.
        </li>
        <li>
          {sci.assumptionsRecorded ? "I, TE and EL are the worker's settings, stored with this result." : "The worker stored no assumptions with this result: I, TE and EL are the defaults."}{" "}
          {SCI_SOURCES.grid} {SCI_SOURCES.embodied} {SCI_SOURCES.lifespan}
        </li>
        <li>
          {SCI_SOURCES.time} {SCI_SOURCES.share}
        </li>
      </ul>
    </div>
  );
}
