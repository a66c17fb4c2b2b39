// Ranking rules (DESIGN.md, "Ranking"): eligible entries reach the floor; rank by accuracy per joule, ties by
// accuracy; equal on both shares a rank. The Pareto front: no other eligible entry is both at least as accurate
// and at most as costly, and strictly better on one of the two.

export interface BoardCandidate {
  modelSlug: string;
  modelName: string;
  submissionId: string;
  accuracy: number;
  macroF1: number;
  energyPerInferenceJ: number;
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
}

function compareRanked(a: BoardCandidate, b: BoardCandidate): number {
  return b.accuracyPerJoule - a.accuracyPerJoule || b.accuracy - a.accuracy || a.modelSlug.localeCompare(b.modelSlug);
}

function dominates(a: BoardCandidate, b: BoardCandidate): boolean {
  const noWorse = a.accuracy >= b.accuracy && a.energyPerInferenceJ <= b.energyPerInferenceJ;
  const better = a.accuracy > b.accuracy || a.energyPerInferenceJ < b.energyPerInferenceJ;
  return noWorse && better;
}

export function rankBoard(candidates: BoardCandidate[], qualityFloor: number): RankedEntry[] {
  const eligible = candidates.filter((c) => c.accuracy >= qualityFloor).sort(compareRanked);
  const below = candidates.filter((c) => c.accuracy < qualityFloor).sort(compareRanked);

  const ranked: RankedEntry[] = [];
  eligible.forEach((entry, index) => {
    const previous = ranked[index - 1];
    const tied =
      previous && previous.accuracyPerJoule === entry.accuracyPerJoule && previous.accuracy === entry.accuracy;
    ranked.push({
      ...entry,
      rank: tied ? previous.rank : index + 1,
      eligible: true,
      pareto: !eligible.some((other) => other !== entry && dominates(other, entry)),
    });
  });
  return [...ranked, ...below.map((entry) => ({ ...entry, rank: null, eligible: false, pareto: false }))];
}
