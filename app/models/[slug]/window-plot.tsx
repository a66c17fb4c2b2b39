// The spread of a result: each energy window's µJ per inference as a dot, the median as a line and the 95 %
// confidence interval as a band, per scenario. Plain SVG drawn on the server; colours follow the text colour.
import type { EnergyWindow } from "@/lib/engine";

const WIDTH = 360;
const HEIGHT = 44;
const PAD = 12;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const fmt = (uj: number) => (uj >= 100 ? uj.toFixed(0) : uj.toPrecision(3));

export function WindowPlot({ windows, scenario, ci95J }: { windows: EnergyWindow[]; scenario: string; ci95J?: [number, number] | null }) {
  const values = windows.filter((w) => w.scenario === scenario).map((w) => w.energyPerInferenceJ * 1e6);
  if (values.length === 0) return null;
  const ci = ci95J ? ci95J.map((j) => j * 1e6) : null;
  const lo = Math.min(...values, ...(ci ?? []));
  const hi = Math.max(...values, ...(ci ?? []));
  const span = hi - lo || Math.abs(hi) * 0.1 || 1;
  const x = (v: number) => PAD + ((v - lo + span * 0.05) / (span * 1.1)) * (WIDTH - 2 * PAD);
  const mid = median(values);
  const label = `${scenario}: ${values.length} windows, ${fmt(Math.min(...values))}–${fmt(Math.max(...values))} µJ per inference, median ${fmt(mid)} µJ`;
  return (
    <figure className="space-y-1" data-testid={`windows-${scenario}`}>
      <figcaption className="text-xs text-slate-500">
        {scenario} · {values.length} windows · median {fmt(mid)} µJ
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-11 w-full max-w-md text-slate-700 dark:text-slate-300" role="img" aria-label={label}>
        {ci ? <rect x={x(ci[0])} y={8} width={Math.max(1, x(ci[1]) - x(ci[0]))} height={20} className="fill-emerald-500/15" /> : null}
        <line x1={PAD} x2={WIDTH - PAD} y1={18} y2={18} stroke="currentColor" strokeOpacity={0.25} />
        <line x1={x(mid)} x2={x(mid)} y1={6} y2={30} className="stroke-emerald-600 dark:stroke-emerald-400" strokeWidth={2} />
        {values.map((v, i) => (
          <circle key={i} cx={x(v)} cy={18} r={3.5} fill="currentColor" fillOpacity={0.7}>
            <title>{`window ${i + 1}: ${fmt(v)} µJ per inference`}</title>
          </circle>
        ))}
        <text x={PAD} y={42} fontSize={9} fill="currentColor">
          {fmt(lo)} µJ
        </text>
        <text x={WIDTH - PAD} y={42} fontSize={9} fill="currentColor" textAnchor="end">
          {fmt(hi)} µJ
        </text>
      </svg>
    </figure>
  );
}
