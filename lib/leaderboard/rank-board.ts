// Ranking rules (DESIGN.md, "Ranking"): eligible entries reach the floor; rank by accuracy per joule, ties by
// accuracy; equal on both shares a rank. The Pareto front: no other eligible entry is both at least as accurate
// and at most as costly, and strictly better on one of the two. Grades: energy class (absolute, dated) for every
// entry, stars (relative to the eligible entries' energy range) for ranked ones.
import type { EnergyClasses } from "../../benchmarks/types";
import { energyClassOf, energyRangeOf, starsFor, type EnergyClass } from "./grades";

export interface BoardCandidate {
  modelSlug: string;
  modelName: string;
  submissionId: string;
  accuracy: number;
  macroF1: number;
  energyPerInferenceJ: number;
  /** 95 % confidence interval of the energy per inference (J); null when the stored result lacks it. */
  energyCi95J: [number, number] | null;
  accuracyPerJoule: number;
  modelMemoryBytes: number;
  fileBytes: number;
  paramCount: number;
  latencyP50Ms: number;
  meter: string;
  estimated: boolean;
  unstable: boolean;
  finishedAt: string;
}

export interface RankedEntry extends BoardCandidate {
  /** null for entries below the quality floor (shown apart, unranked). */
  rank: number | null;
  eligible: boolean;
  pareto: boolean;
  energyClass: EnergyClass;
  /** 1–5, relative to the ranked entries; null below the floor. */
  stars: number | null;
}

export interface BoardRules {
  qualityFloor: number;
  energyClasses: EnergyClasses;
}

function compareRanked(a: BoardCandidate, b: BoardCandidate): number {
  return b.accuracyPerJoule - a.accuracyPerJoule || b.accuracy - a.accuracy || a.modelSlug.localeCompare(b.modelSlug);
}

/**
 * The entries no other entry dominates, in O(n log n): sorted by energy (cheapest first) then accuracy (best
 * first), an entry is dominated when a strictly cheaper one is at least as accurate, or an equally cheap one is
 * strictly more accurate. Exact duplicates dominate neither each other, so both stay on the front.
 */
export function paretoFront<T extends Pick<BoardCandidate, "accuracy" | "energyPerInferenceJ">>(entries: readonly T[]): Set<T> {
  const sorted = [...entries].sort((a, b) => a.energyPerInferenceJ - b.energyPerInferenceJ || b.accuracy - a.accuracy);
  const front = new Set<T>();
  let bestCheaperAccuracy = -Infinity;
  for (let start = 0; start < sorted.length; ) {
    let end = start;
    while (end < sorted.length && sorted[end].energyPerInferenceJ === sorted[start].energyPerInferenceJ) end++;
    const groupBest = sorted[start].accuracy;
    for (let i = start; i < end; i++) {
      const entry = sorted[i];
      if (bestCheaperAccuracy < entry.accuracy && groupBest <= entry.accuracy) front.add(entry);
    }
    bestCheaperAccuracy = Math.max(bestCheaperAccuracy, groupBest);
    start = end;
  }
  return front;
}

export function rankBoard(candidates: readonly BoardCandidate[], rules: BoardRules): RankedEntry[] {
  const eligible = candidates.filter((c) => c.accuracy >= rules.qualityFloor).sort(compareRanked);
  const below = candidates.filter((c) => !(c.accuracy >= rules.qualityFloor)).sort(compareRanked);
  const front = paretoFront(eligible);
  const range = energyRangeOf(eligible.map((c) => c.energyPerInferenceJ));

  const ranked: RankedEntry[] = [];
  eligible.forEach((entry, index) => {
    const previous = ranked[index - 1];
    const tied =
      previous && previous.accuracyPerJoule === entry.accuracyPerJoule && previous.accuracy === entry.accuracy;
    ranked.push({
      ...entry,
      rank: tied ? previous.rank : index + 1,
      eligible: true,
      pareto: front.has(entry),
      energyClass: energyClassOf(entry.energyPerInferenceJ, rules.energyClasses),
      stars: range ? starsFor(entry.energyPerInferenceJ, range) : null,
    });
  });
  const unranked = below.map((entry) => ({
    ...entry,
    rank: null,
    eligible: false,
    pareto: false,
    energyClass: energyClassOf(entry.energyPerInferenceJ, rules.energyClasses),
    stars: null,
  }));
  return [...ranked, ...unranked];
}
