// Small marks used on boards and model pages: energy class chip, stars, meter label. Styled by classes in
// globals.css (.chip, .stars, .est), so a board of hundreds of rows stays light.
import { ENERGY_CLASS_COLOURS, type EnergyClass } from "@/lib/leaderboard/grades";

/** Dark text on the light classes (C, D, E), white on the others: readable in both colour schemes. */
const DARK_TEXT = new Set<EnergyClass>(["C", "D", "E"]);

export function EnergyClassChip({ value, title }: { value: EnergyClass; title?: string }) {
  return (
    <span className="chip" style={{ backgroundColor: ENERGY_CLASS_COLOURS[value], color: DARK_TEXT.has(value) ? "#1f2937" : "#fff" }} title={title} data-energy-class={value}>
      {value}
    </span>
  );
}

export function Stars({ value }: { value: number | null }) {
  if (value === null) return <span className="text-slate-400">–</span>;
  return (
    <span className="stars" role="img" aria-label={`${value} of 5 stars`}>
      {"★".repeat(value)}
      <span className="off">{"★".repeat(5 - value)}</span>
    </span>
  );
}

/** The meter's name; an estimate reads "estimated" (in full when `long`), never passing for a measurement. */
export function MeterLabel({ meter, estimated, long = false }: { meter: string; estimated: boolean; long?: boolean }) {
  if (!estimated) return <span>{meter}</span>;
  return <em className="est">{long ? `${meter} (estimated)` : "estimated"}</em>;
}
