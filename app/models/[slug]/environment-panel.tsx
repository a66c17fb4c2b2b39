"use client";

// Energy, CO₂e and water per million inferences, with the assumptions in view and editable: the defaults come
// from the site's configuration (FRUGAL_GRID_G_PER_KWH, FRUGAL_WUE_L_PER_KWH); a reader can put in their own grid.
import { useState } from "react";
import { formatSi } from "@/common/format";
import { environmentalFigures, ASSUMPTION_SOURCES } from "@/lib/models/environment";

export function EnvironmentPanel({
  energyPerInferenceJ,
  estimated,
  defaultGridGPerKwh,
  defaultWueLPerKwh,
}: {
  energyPerInferenceJ: number;
  estimated: boolean;
  defaultGridGPerKwh: number;
  defaultWueLPerKwh: number;
}) {
  const [grid, setGrid] = useState(defaultGridGPerKwh);
  const [wue, setWue] = useState(defaultWueLPerKwh);
  const figures = environmentalFigures(energyPerInferenceJ, { gridGPerKwh: grid, wueLPerKwh: wue }, estimated);
  const est = estimated ? " (estimated)" : "";
  const input = "w-20 rounded border border-slate-300 bg-white px-1 py-0.5 text-right num dark:border-slate-700 dark:bg-slate-900";
  return (
    <div className="space-y-2 text-sm" data-testid="environment">
      <dl className="grid grid-cols-1 gap-2 sm:grid-cols-3">
        <div>
          <dt className="text-slate-500">Energy per million inferences{est}</dt>
          <dd className="num font-medium">
            {formatSi(figures.energyJ, "J")} = {formatSi(figures.energyKwh * 1000, "Wh")}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">CO₂e per million inferences{est}</dt>
          <dd className="num font-medium">{formatSi(figures.co2eG, "g")}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Water per million inferences{est}</dt>
          <dd className="num font-medium">{formatSi(figures.waterL, "L")}</dd>
        </div>
      </dl>
      <div className="flex flex-wrap gap-4 text-xs text-slate-600 dark:text-slate-400">
        <label className="flex items-center gap-1">
          Grid intensity
          <input type="number" min={0} step={1} value={grid} onChange={(e) => setGrid(Math.max(0, Number(e.target.value) || 0))} className={input} />
          g CO₂e/kWh
        </label>
        <label className="flex items-center gap-1">
          WUE
          <input type="number" min={0} step={0.1} value={wue} onChange={(e) => setWue(Math.max(0, Number(e.target.value) || 0))} className={input} />
          L/kWh
        </label>
      </div>
      <ul className="list-disc space-y-0.5 pl-5 text-xs text-slate-500">
        <li>{ASSUMPTION_SOURCES.energy}</li>
        <li>CO₂e = kWh × grid intensity (this site's default: {defaultGridGPerKwh} g/kWh). {ASSUMPTION_SOURCES.grid}</li>
        <li>Water = kWh × WUE (this site's default: {defaultWueLPerKwh} L/kWh). {ASSUMPTION_SOURCES.wue}</li>
        {estimated ? <li>The energy comes from the estimate meter (CPU time × watts per thread), so these are estimates too.</li> : null}
      </ul>
    </div>
  );
}
