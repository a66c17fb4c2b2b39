// The offline scenario's windows (docs/architecture.md, "Measurement protocol" steps 6 and 9), spread over several
// processes. A process has a speed of its own for its whole life (its memory layout, where the allocator put the
// tensors): measured here, six processes running the same model in turns differed by up to 6 % (MNIST MLP) and 15 %
// (a 30-feature MLP). One process per run would carry that offset into the figure, and its windows, all alike,
// would hide it from the interval; several processes average it out and the interval (over their means) shows what
// is left.
import type { EnergyWindow } from "../types";
import { summariseGroupedWindows } from "../stats/summary";
import type { HarnessSettings } from "./defaults";
import { measurementOf, toEnergyWindow, type ScenarioMeasurement } from "./measure-scenario";
import type { ChildSupervisor } from "./supervise-child";

/** Windows each process measures: two, so a process's own spread shows beside the others'. */
export const OFFLINE_WINDOWS_PER_PROCESS = 2;

export interface WindowProcess {
  child: ChildSupervisor;
  /** This process's own idle baseline (W). */
  idlePowerW: number;
}

export interface StartedProcess extends WindowProcess {
  close(): Promise<void>;
}

/** How many processes the offline windows are spread over: up to settings.windowProcesses, two windows each. */
export function offlineProcesses(settings: Pick<HarnessSettings, "windows" | "windowProcesses">): number {
  return Math.max(1, Math.min(settings.windowProcesses, Math.ceil(settings.windows / OFFLINE_WINDOWS_PER_PROCESS)));
}

export interface OfflineMeasurement extends ScenarioMeasurement {
  processes: number;
}

/**
 * settings.windows windows: the first share in `first` (the process whose accuracy and memory were measured), the
 * rest in processes from `start`, one after another. While the CV is above the limit, more are added (up to
 * settings.maxWindows), in new processes when the run uses several.
 */
export async function measureOffline(
  first: WindowProcess,
  start: () => Promise<StartedProcess>,
  settings: HarnessSettings,
  onWindow: (fraction: number) => void,
): Promise<OfflineMeasurement> {
  const windows: EnergyWindow[] = [];
  let peakWindowRssBytes = 0;
  const planned = offlineProcesses(settings);
  const perProcess = Math.ceil(settings.windows / planned);
  let processes = 0;
  const measureIn = async (where: WindowProcess, count: number, process: number) => {
    for (let i = 0; i < count; i++) {
      const { window } = await where.child.request({ type: "window", scenario: "offline", windowS: settings.windowS }, "window");
      windows.push({ ...toEnergyWindow(window, windows.length, where.idlePowerW), process });
      peakWindowRssBytes = Math.max(peakWindowRssBytes, window.peakRssBytes);
      onWindow(Math.min(1, windows.length / settings.windows)); // extra windows hold the bar at the phase's end
    }
  };
  const inNewProcess = async (count: number) => {
    const started = await start();
    try {
      await measureIn(started, count, processes++);
    } finally {
      await started.close();
    }
  };
  const summarise = () => summariseGroupedWindows(windows.map((w) => w.energyPerInferenceJ), windows.map((w) => w.process ?? 0), settings.cvLimit);

  await measureIn(first, Math.min(perProcess, settings.windows), processes++);
  while (windows.length < settings.windows) await inNewProcess(Math.min(perProcess, settings.windows - windows.length));
  while (windows.length < settings.maxWindows && summarise().unstable) {
    const count = Math.min(planned > 1 ? perProcess : 1, settings.maxWindows - windows.length);
    if (planned > 1) await inNewProcess(count);
    else await measureIn(first, count, 0);
  }

  return { ...measurementOf(windows, summarise(), peakWindowRssBytes, processes), processes };
}
