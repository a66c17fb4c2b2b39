// The meter kinds, once: the MeterKind type, the zod enums (result schema, API, FRUGAL_METER) and the CLI's
// --meter check all derive from this list. Its order is the board's preference: a measured figure first.
import { z } from "zod";

export const METER_KINDS = ["rapl", "estimate"] as const;

export type MeterKind = (typeof METER_KINDS)[number];

export const zMeterKind = z.enum(METER_KINDS);

export function isMeterKind(value: string): value is MeterKind {
  return (METER_KINDS as readonly string[]).includes(value);
}

/** "a, b or c": the kinds as a message names them. */
export function listInWords(values: readonly string[]): string {
  return values.length < 2 ? values.join("") : `${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}`;
}
