// What a badge says (docs/architecture.md, "Badges"): `frugalboard | mnist 97.9% · 38.2 µJ · A · rank =3`,
// coloured by energy class. The rank is the default board's, with its tie mark; absent for a pinned result or one
// below the floor. An estimated energy says so (docs/architecture.md, "Measurement protocol" step 7: estimates say
// so everywhere).
import { formatMicrojoules } from "../../common/format";
import { ENERGY_CLASS_COLOURS, type EnergyClass } from "../leaderboard/grades";

export const BADGE_LABEL = "frugalboard";
export const GREY = "9f9f9f";

export type BadgeFacts =
  | { kind: "result"; resultId: string; taskId: string; accuracy: number; energyPerInferenceJ: number; energyClass: EnergyClass; estimated: boolean; rank: string | null }
  | { kind: "withdrawn"; taskId: string }
  | { kind: "pending"; taskId: string }
  | { kind: "not_found" }
  | { kind: "bad_style" }
  | { kind: "unavailable" };

export interface BadgeContent {
  label: string;
  message: string;
  /** Hex without '#', as shields.io's endpoint schema and badge-maker both take it. */
  color: string;
  /** An answer that is not a result (shields shows it as an error). */
  isError: boolean;
}

export function badgeContent(facts: BadgeFacts): BadgeContent {
  switch (facts.kind) {
    case "result": {
      const accuracy = `${(facts.accuracy * 100).toFixed(1)}%`;
      const energy = `${formatMicrojoules(facts.energyPerInferenceJ)}${facts.estimated ? " (est.)" : ""}`;
      return {
        label: BADGE_LABEL,
        message: `${facts.taskId} ${accuracy} · ${energy} · ${facts.energyClass}${facts.rank ? ` · rank ${facts.rank}` : ""}`,
        color: ENERGY_CLASS_COLOURS[facts.energyClass].slice(1),
        isError: false,
      };
    }
    case "withdrawn":
      return { label: BADGE_LABEL, message: `${facts.taskId} withdrawn`, color: GREY, isError: false };
    case "pending":
      return { label: BADGE_LABEL, message: `${facts.taskId} benchmark pending`, color: GREY, isError: false };
    case "not_found":
      return { label: BADGE_LABEL, message: "not found", color: GREY, isError: true };
    case "bad_style":
      return { label: BADGE_LABEL, message: "unknown style", color: GREY, isError: true };
    case "unavailable":
      return { label: BADGE_LABEL, message: "unavailable", color: GREY, isError: true };
  }
}
