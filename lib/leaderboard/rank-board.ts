// Ranking rules (docs/architecture.md, "Ranking"): eligible entries reach the floor and are listed by accuracy per
// joule, ties by accuracy. A rank claims only what the figures can tell apart (Chatbot Arena's rule): 1 + the
// number of eligible entries better beyond the uncertainty, so entries whose intervals overlap share a rank ("=3").
// The Pareto front: no other eligible entry is both at least as accurate and at most as costly, and strictly better
// on one of the two. Grades: energy class (absolute, dated) for every entry, stars (relative to the eligible
// entries' energy range) for ranked ones.
import type { EnergyClasses } from "../../benchmarks/types";
import { formatRank } from "../../common/format";
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
  /** The published 95 % interval of the energy per inference (J), the one ranks are decided on; null: none. */
  publishedCi95J: [number, number] | null;
  accuracyPerJoule: number;
  modelMemoryBytes: number;
  fileBytes: number;
  paramCount: number;
  latencyP50Ms: number;
  /** The offline scenario's batch (the probe's choice since harness 1.4.0); null for results that lack it. */
  offlineBatchSize: number | null;
  /** The model's batch dimension is fixed, so no batch was probed (it runs at batch 1). */
  batchFixed: boolean;
  meter: string;
  estimated: boolean;
  unstable: boolean;
  finishedAt: string;
}

/** What ranking adds to a candidate. */
export interface RankFields {
  /** null for entries below the quality floor (shown apart, unranked). */
  rank: number | null;
  /** Another eligible entry has the same rank: the figures cannot tell them apart. */
  tied: boolean;
  /** The rank as shown everywhere: "=3" when tied, "3" otherwise; null below the floor. */
  rankDisplay: string | null;
  eligible: boolean;
  pareto: boolean;
  energyClass: EnergyClass;
  /** 1–5, relative to the ranked entries; null below the floor. */
  stars: number | null;
}

/** A candidate with its rank and grades; every field of the candidate is kept. */
export type Ranked<C extends BoardCandidate> = C & RankFields;
export type RankedEntry = Ranked<BoardCandidate>;

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

/**
 * The interval of accuracy per joule (correct predictions per J) a candidate's published energy interval allows:
 * accuracy on the fixed test set is exact, so [accuracy / hi, accuracy / lo]. Without a usable interval, the point.
 */
export function accuracyPerJouleInterval(c: Pick<BoardCandidate, "accuracy" | "accuracyPerJoule" | "publishedCi95J">): [number, number] {
  const ci = c.publishedCi95J;
  if (!ci || !ci.every(Number.isFinite) || !(ci[1] >= ci[0]) || !(ci[1] > 0)) return [c.accuracyPerJoule, c.accuracyPerJoule];
  // An interval reaching 0 J bounds accuracy per joule from below only.
  return [c.accuracy / ci[1], ci[0] > 0 ? c.accuracy / ci[0] : Number.POSITIVE_INFINITY];
}

/**
 * rank = 1 + the number of entries whose whole interval lies above this one's (lower end > this upper end), in
 * O(n log n): the lower ends sorted once, each entry counts those above its upper end by binary search.
 */
export function ranksBeyondUncertainty(intervals: readonly [number, number][]): number[] {
  const lows = intervals.map(([low]) => low).sort((a, b) => a - b);
  return intervals.map(([, high]) => {
    let first = 0; // first index whose low is > high
    for (let last = lows.length; first < last; ) {
      const mid = (first + last) >>> 1;
      if (lows[mid] > high) last = mid;
      else first = mid + 1;
    }
    return 1 + lows.length - first;
  });
}

export function rankBoard<C extends BoardCandidate>(candidates: readonly C[], rules: BoardRules): Ranked<C>[] {
  const eligible = candidates.filter((c) => c.accuracy >= rules.qualityFloor).sort(compareRanked);
  const below = candidates.filter((c) => !(c.accuracy >= rules.qualityFloor)).sort(compareRanked);
  const front = paretoFront(eligible);
  const range = energyRangeOf(eligible.map((c) => c.energyPerInferenceJ));
  const ranks = ranksBeyondUncertainty(eligible.map(accuracyPerJouleInterval));
  const perRank = new Map<number, number>();
  for (const rank of ranks) perRank.set(rank, (perRank.get(rank) ?? 0) + 1);

  const ranked: Ranked<C>[] = eligible.map((entry, index) => {
    const tied = (perRank.get(ranks[index]) ?? 0) > 1;
    return {
      ...entry,
      rank: ranks[index],
      tied,
      rankDisplay: formatRank(ranks[index], tied),
      eligible: true,
      pareto: front.has(entry),
      energyClass: energyClassOf(entry.energyPerInferenceJ, rules.energyClasses),
      stars: range ? starsFor(entry.energyPerInferenceJ, range) : null,
    };
  });
  const unranked = below.map((entry): Ranked<C> => ({
    ...entry,
    rank: null,
    tied: false,
    rankDisplay: null,
    eligible: false,
    pareto: false,
    energyClass: energyClassOf(entry.energyPerInferenceJ, rules.energyClasses),
    stars: null,
  }));
  return [...ranked, ...unranked];
}
