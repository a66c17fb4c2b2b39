// Number formatting shared by pages, API exports, badges and the CLI. Units are part of the output. It lives in
// common/, the leaf every room may import (and which imports none of ours), so the CLI needs no door into lib/.

export function formatPercent(fraction: number, digits = 2): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** Energy per inference in µJ with three significant figures (1 µJ = 1e-6 J). */
export function formatMicrojoules(joules: number): string {
  const micro = joules * 1e6;
  if (micro === 0) return "0 µJ";
  return `${micro >= 100 ? micro.toFixed(0) : micro.toPrecision(3)} µJ`;
}

/** Accuracy per joule = correct predictions per joule. */
export function formatPerJoule(value: number): string {
  return Intl.NumberFormat("en", { notation: "compact", maximumSignificantDigits: 3 }).format(value);
}

/** A board rank as shown on every surface: "=3" when another entry shares it, "3" otherwise. */
export function formatRank(rank: number, tied: boolean): string {
  return `${tied ? "=" : ""}${rank}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  const units = ["KiB", "MiB", "GiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 100 ? value.toFixed(0) : value.toPrecision(3)} ${units[unit]}`;
}

export function formatCount(value: number): string {
  return Intl.NumberFormat("en", { notation: "compact", maximumSignificantDigits: 3 }).format(value);
}

export function formatMs(ms: number): string {
  return ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toPrecision(2)} ms`;
}

const SI_PREFIXES: [number, string][] = [
  [1e6, "M"],
  [1e3, "k"],
  [1, ""],
  [1e-3, "m"],
  [1e-6, "µ"],
  [1e-9, "n"],
];

/** A quantity with an SI prefix and three significant figures: formatSi(0.0123, "g") → "12.3 mg". */
export function formatSi(value: number, unit: string): string {
  if (value === 0 || !Number.isFinite(value)) return `${value} ${unit}`;
  const [scale, prefix] = SI_PREFIXES.find(([s]) => Math.abs(value) >= s) ?? SI_PREFIXES[SI_PREFIXES.length - 1];
  return `${(value / scale).toPrecision(3)} ${prefix}${unit}`;
}

/** The UTC date of an ISO timestamp, YYYY-MM-DD. */
export function formatDate(iso: string | Date): string {
  return new Date(iso).toISOString().slice(0, 10);
}

/** UTC date and minutes: "2026-11-29 04:46 UTC". */
export function formatDateTime(iso: string | Date): string {
  return `${new Date(iso).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
