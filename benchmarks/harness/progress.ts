// Overall progress 0–100 across the phases, each weighted by the seconds it is expected to take, never moving back.
import type { BenchmarkProgress } from "../types";
import type { HarnessSettings } from "./defaults";
import { offlineProcesses } from "./offline-windows";

type Phase = Exclude<BenchmarkProgress["phase"], "done">;
const ORDER: Phase[] = ["validate", "batch", "load", "warmup", "accuracy", "idle", "offline", "single-stream", "floor"];

/** Rough seconds per phase: fixed costs seen on a small model, and what the settings ask of the timed phases. */
function expectedSeconds(settings: HarnessSettings): Record<Phase, number> {
  // each scenario's windows, and the untimed warm-up window before the first (child-bench.ts)
  const warmS = Math.min(settings.windowS, 0.5);
  const windowsS = settings.windows * settings.windowS + warmS;
  const singleStreamS = settings.singleStreamWindows * settings.windowS + warmS;
  const floorS = settings.floorWindows * settings.floorWindowS;
  // each extra offline process loads, warms up and takes its own idle baseline (offline-windows.ts)
  const extraProcessesS = (offlineProcesses(settings) - 1) * (1.5 + 0.2 + settings.idleS);
  return { validate: 0.2, batch: 3, load: 1.5, warmup: 0.2, accuracy: 0.5, idle: settings.idleS, offline: windowsS + extraProcessesS, "single-stream": singleStreamS, floor: floorS };
}

export interface ProgressTracker {
  /** Enters a phase, or moves within it (fraction 0–1 of the phase done). */
  report(phase: Phase, fraction?: number): void;
  done(): void;
}

export function createProgress(settings: HarnessSettings, onProgress?: (progress: BenchmarkProgress) => void): ProgressTracker {
  const seconds = expectedSeconds(settings);
  const total = ORDER.reduce((sum, phase) => sum + seconds[phase], 0);
  const startOf = new Map<Phase, number>();
  ORDER.reduce((elapsed, phase) => (startOf.set(phase, elapsed), elapsed + seconds[phase]), 0);

  let lastPercent = -1;
  let lastPhase = "";
  const emit = (phase: BenchmarkProgress["phase"], percent: number) => {
    const rounded = Math.max(lastPercent, Math.min(100, Math.floor(percent)));
    if (rounded === lastPercent && phase === lastPhase) return;
    lastPercent = rounded;
    lastPhase = phase;
    try {
      onProgress?.({ phase, percent: rounded });
    } catch (error) {
      // A listener's failure (a progress write, a closed terminal) must not end the benchmark.
      console.error(`[benchmark] progress listener failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return {
    report(phase, fraction = 0) {
      const clamped = Math.max(0, Math.min(1, fraction));
      // Stop short of 100 until done(): "done" alone says the result is ready.
      emit(phase, Math.min(99, ((startOf.get(phase)! + clamped * seconds[phase]) / total) * 100));
    },
    done() {
      emit("done", 100);
    },
  };
}
