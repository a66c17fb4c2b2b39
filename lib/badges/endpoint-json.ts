// The shields.io endpoint schema (https://shields.io/badges/endpoint-badge): schemaVersion 1, label, message,
// color, cacheSeconds (shields enforces at least 300), isError. Nothing else, so shields never refuses it.
import type { BadgeContent } from "./badge-content";

export const BADGE_CACHE_SECONDS = 300;

export interface ShieldsEndpoint {
  schemaVersion: 1;
  label: string;
  message: string;
  color: string;
  cacheSeconds: number;
  isError?: true;
}

export function shieldsEndpoint(content: BadgeContent, cacheSeconds = BADGE_CACHE_SECONDS): ShieldsEndpoint {
  return {
    schemaVersion: 1,
    label: content.label,
    message: content.message,
    color: content.color,
    cacheSeconds: Math.max(300, cacheSeconds),
    ...(content.isError ? { isError: true as const } : {}),
  };
}
