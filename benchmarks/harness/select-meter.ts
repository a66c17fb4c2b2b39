// Which meter a run uses (docs/architecture.md, "Measurement protocol" step 7): the one forced by options.meter
// (CLI --meter) or FRUGAL_METER, else rapl where its counters can be read, else estimate, with the reason kept for
// the result and the log.
import { raplUnavailableError } from "../meters/create-meter";
import { DEFAULT_POWERCAP_ROOT, nodePowercapFs, PowercapUnavailable, scanPowercap, type PowercapFs } from "../meters/powercap";
import type { MeterKind } from "../types";
import type { Env } from "../../common/parse-env";
import { parseHarnessEnv, type HarnessEnv } from "./env";

export interface MeterSelection {
  kind: MeterKind;
  /** "forced" by options.meter or FRUGAL_METER, or chosen "auto"matically. */
  how: "forced" | "auto";
  /** Why this meter, in words, stored in the result's meterDetails. */
  reason: string;
  powercapRoot: string;
}

export interface SelectMeterOptions {
  /** options.meter / CLI --meter; wins over FRUGAL_METER. */
  requested?: MeterKind;
  env?: Env;
  /** The harness variables already parsed (resolveSettings): `env` is then not read again. */
  harnessEnv?: HarnessEnv;
  /** Tests: file access to the powercap tree. */
  fs?: PowercapFs;
}

/**
 * Chooses the meter. A forced rapl that cannot read its counters throws BenchmarkError("meter_unavailable")
 * naming the file and what to do; an automatic choice falls back to estimate and says why. The worker calls this
 * at start so its registered hardware profile names the meter its results will carry.
 */
export function selectMeterKind(options: SelectMeterOptions = {}): MeterSelection {
  const env = options.harnessEnv ?? parseHarnessEnv(options.env ?? process.env);
  const powercapRoot = env.FRUGAL_POWERCAP_ROOT ?? DEFAULT_POWERCAP_ROOT;
  const fromEnv = env.FRUGAL_METER === "auto" ? undefined : env.FRUGAL_METER;
  const requested = options.requested ?? fromEnv;
  const source = options.requested ? `the run asked for ${options.requested} (--meter)` : `FRUGAL_METER=${fromEnv}`;
  if (requested === "estimate") return { kind: "estimate", how: "forced", reason: `${source}`, powercapRoot };

  try {
    const { domains } = scanPowercap(powercapRoot, options.fs ?? nodePowercapFs);
    const found = `RAPL counters readable under ${powercapRoot} (${domains.map((d) => d.id).join(", ")})`;
    return { kind: "rapl", how: requested ? "forced" : "auto", reason: requested ? `${source}; ${found}` : found, powercapRoot };
  } catch (error) {
    if (!(error instanceof PowercapUnavailable)) throw error;
    if (requested === "rapl") throw raplUnavailableError(error, source);
    return { kind: "estimate", how: "auto", reason: `rapl unavailable: ${error.reason}`, powercapRoot };
  }
}

const logged = new Set<string>();

/** Logs an automatic fallback to estimate once per process and reason (a worker runs many benchmarks). */
export function logMeterSelection(selection: MeterSelection, log: (line: string) => void = console.warn): void {
  if (selection.how !== "auto" || selection.kind !== "estimate" || logged.has(selection.reason)) return;
  logged.add(selection.reason);
  log(`[benchmark] using the estimate meter: ${selection.reason}.`);
}
