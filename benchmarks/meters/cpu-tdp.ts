// Thermal design power of a few common CPUs, for the estimate meter's watts per hardware thread.
// Each figure is the maker's TDP ("Processor Base Power" on newer Intel parts) from its spec page.

export interface CpuSpec {
  /** Matched as whole words, case-insensitive, against os.cpus()[0].model. */
  pattern: RegExp;
  tdpW: number;
  /** Hardware threads of one package (cores × SMT). */
  threads: number;
  source: string;
}

export const CPU_SPECS: readonly CpuSpec[] = [
  { pattern: /\bi5-8250U\b/i, tdpW: 15, threads: 8, source: "Intel ARK, Core i5-8250U" },
  { pattern: /\bi7-8700K\b/i, tdpW: 95, threads: 12, source: "Intel ARK, Core i7-8700K" },
  { pattern: /\bi9-9900K\b/i, tdpW: 95, threads: 16, source: "Intel ARK, Core i9-9900K" },
  { pattern: /\bi7-12700K\b/i, tdpW: 125, threads: 20, source: "Intel ARK, Core i7-12700K (Processor Base Power)" },
  { pattern: /\bGold 6230\b/i, tdpW: 125, threads: 40, source: "Intel ARK, Xeon Gold 6230" },
  { pattern: /\bRyzen 7 5800X\b/i, tdpW: 105, threads: 16, source: "AMD product page, Ryzen 7 5800X (Default TDP)" },
  { pattern: /\bRyzen 9 5950X\b/i, tdpW: 105, threads: 32, source: "AMD product page, Ryzen 9 5950X (Default TDP)" },
  { pattern: /\bEPYC 7763\b/i, tdpW: 280, threads: 128, source: "AMD product page, EPYC 7763 (Default TDP)" },
  { pattern: /\bEPYC 9654\b/i, tdpW: 360, threads: 192, source: "AMD product page, EPYC 9654 (Default TDP)" },
];

export function lookupCpuSpec(cpuModel: string): CpuSpec | undefined {
  return CPU_SPECS.find((spec) => spec.pattern.test(cpuModel));
}
