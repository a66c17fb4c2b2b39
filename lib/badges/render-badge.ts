// SVG badges drawn by badge-maker, shields.io's own renderer (it escapes the text for XML).
import { makeBadge } from "badge-maker";
import type { BadgeContent } from "./badge-content";

/** Styles a badge URL may ask for with `?style=`; anything else is answered 400 with an "unknown style" badge. */
export const BADGE_STYLES = ["flat", "flat-square", "for-the-badge", "plastic"] as const;
export type BadgeStyle = (typeof BADGE_STYLES)[number];

export function parseBadgeStyle(value: string | null): BadgeStyle | null {
  if (value === null || value === "") return "flat";
  return (BADGE_STYLES as readonly string[]).includes(value) ? (value as BadgeStyle) : null;
}

export function renderBadgeSvg(content: BadgeContent, style: BadgeStyle = "flat"): string {
  return makeBadge({ label: content.label, message: content.message, color: content.color, style });
}
