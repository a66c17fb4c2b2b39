// The windows of one scenario: K windows, then more (up to the cap) while the CV of the per-window energy per
// inference is above the limit (docs/architecture.md, "Measurement protocol" step 6). The parent decides, the child
// only measures.
import { netEnergyJ } from "../meters/meter";
import { coefficientOfVariation, median, summariseWindows, type WindowSummary } from "../stats/summary";
import type { EnergySummary, EnergyWindow, HarnessFloor, Scenario } from "../types";
import type { HarnessSettings } from "./defaults";
import type { LatencySummary, RawWindow } from "./protocol";
import type { ChildSupervisor } from "./supervise-child";

export interface ScenarioMeasurement {
  windows: EnergyWindow[];
  energy: EnergySummary;
  inferences: number;
  wallS: number;
  cpuS: number;
  peakWindowRssBytes: number;
}

export function toEnergyWindow(raw: RawWindow, index: number, idlePowerW: number): EnergyWindow {
  const net = netEnergyJ(raw.grossEnergyJ, idlePowerW, raw.wallS);
  return {
    index,
    scenario: raw.scenario,
    inferences: raw.inferences,
    wallS: raw.wallS,
    cpuS: raw.cpuS,
    grossEnergyJ: raw.grossEnergyJ,
    netEnergyJ: net,
    energyPerInferenceJ: net / raw.inferences,
  };
}

export async function measureScenario(
  child: ChildSupervisor,
  scenario: Scenario,
  settings: HarnessSettings,
  idlePowerW: number,
  onWindow: (fraction: number) => void,
): Promise<ScenarioMeasurement> {
  const windows: EnergyWindow[] = [];
  let peakWindowRssBytes = 0;
  const perInference = () => windows.map((w) => w.energyPerInferenceJ);
  // Offline windows are measured by offline-windows.ts; this loop serves single-stream, with its own counts.
  const [wanted, cap] = scenario === "single-stream" ? [settings.singleStreamWindows, settings.singleStreamMaxWindows] : [settings.windows, settings.maxWindows];
  const wantMore = () =>
    windows.length < wanted || (windows.length < cap && summariseWindows(perInference(), settings.cvLimit).unstable);
  while (wantMore()) {
    const { window } = await child.request({ type: "window", scenario, windowS: settings.windowS }, "window");
    windows.push(toEnergyWindow(window, windows.length, idlePowerW));
    peakWindowRssBytes = Math.max(peakWindowRssBytes, window.peakRssBytes);
    onWindow(Math.min(1, windows.length / wanted)); // extra windows hold the bar at the phase's end
  }
  return measurementOf(windows, summariseWindows(perInference(), settings.cvLimit), peakWindowRssBytes);
}

/** A scenario's windows and their summary as one measurement: the energy figures, and the totals of the windows. */
export function measurementOf(windows: EnergyWindow[], summary: WindowSummary, peakWindowRssBytes: number, processes?: number): ScenarioMeasurement {
  const sum = (pick: (w: EnergyWindow) => number) => windows.reduce((total, w) => total + pick(w), 0);
  const energy: EnergySummary = {
    energyPerInferenceJ: summary.median,
    ci95J: summary.ci95,
    cv: summary.cv,
    unstable: summary.unstable,
    windows: windows.length,
    grossEnergyPerInferenceJ: median(windows.map(grossPerInference)),
    ...(processes === undefined ? {} : { processes }),
  };
  return { windows, energy, inferences: sum((w) => w.inferences), wallS: sum((w) => w.wallS), cpuS: sum((w) => w.cpuS), peakWindowRssBytes };
}

const grossPerInference = (w: EnergyWindow) => w.grossEnergyJ / w.inferences;

/**
 * The harness floor (docs/architecture.md, "Measurement protocol" step 8): the null model in single-stream,
 * measured like the model but cheaper — settings.floorWindows windows of settings.floorWindowS, none added for a
 * high CV. Its latency comes later, with the child's "finished" reply.
 */
export async function measureFloor(
  child: ChildSupervisor,
  settings: HarnessSettings,
  idlePowerW: number,
  onWindow: (fraction: number) => void,
): Promise<EnergyWindow[]> {
  const windows: EnergyWindow[] = [];
  while (windows.length < settings.floorWindows) {
    const { window } = await child.request({ type: "floor-window", windowS: settings.floorWindowS }, "window");
    windows.push(toEnergyWindow(window, windows.length, idlePowerW));
    onWindow(windows.length / settings.floorWindows);
  }
  return windows;
}

export function summariseFloor(windows: EnergyWindow[], latency: LatencySummary, windowS: number): HarnessFloor {
  const perQuery = windows.map((w) => w.energyPerInferenceJ);
  return {
    energyPerQueryJ: median(perQuery),
    grossEnergyPerQueryJ: median(windows.map(grossPerInference)),
    cv: coefficientOfVariation(perQuery),
    latencyP50Ms: latency.p50,
    latencyP90Ms: latency.p90,
    windows: windows.length,
    windowS,
  };
}
