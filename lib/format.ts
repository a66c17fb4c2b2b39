// Number formatting shared by pages, API exports and badges. Units are part of the output.

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

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  const units = ["KiB", "MiB", "GiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toPrecision(3)} ${units[unit]}`;
}

export function formatCount(value: number): string {
  return Intl.NumberFormat("en", { notation: "compact", maximumSignificantDigits: 3 }).format(value);
}

export function formatMs(ms: number): string {
  return ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toPrecision(2)} ms`;
}
