// The rapl meter end to end: a fake powercap tree whose counters this test advances at a known power that follows
// the CPU time of the harness's child process, so the run sees a model that costs energy only while it works.
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildLinearModel } from "../onnx/testing/build-model";
import { FakePowercap } from "../meters/testing/fake-powercap";
import { runBenchmark } from "./run-benchmark";

const IDLE_W = 3;
const BUSY_W_PER_CPU_S = 20;
const DRAM_SHARE = 0.2;
const CLOCK_TICKS_PER_S = 100; // USER_HZ of /proc/<pid>/stat on Linux

/** CPU seconds of this process's children (the harness's model process), from /proc. */
function childrenCpuS(): number {
  let ticks = 0;
  for (const tid of safeList(`/proc/${process.pid}/task`)) {
    for (const pid of safeRead(`/proc/${process.pid}/task/${tid}/children`).split(/\s+/).filter(Boolean)) {
      // fields after the ")" of the command name: state is field 3, utime 14, stime 15
      const fields = safeRead(`/proc/${pid}/stat`).split(") ")[1]?.split(" ") ?? [];
      ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
    }
  }
  return ticks / CLOCK_TICKS_PER_S;
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

function safeList(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

describe("a run with the rapl meter on a fake powercap tree", () => {
  let dir: string;
  let root: string;
  let modelPath: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "frugal-rapl-run-"));
    root = join(dir, "powercap");
    modelPath = join(dir, "linear.onnx");
    writeFileSync(modelPath, buildLinearModel({ inputShape: ["N", 1, 28, 28], classes: 10 }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is chosen automatically, reads package + DRAM, and attributes energy to the model's work", async () => {
    const tree = FakePowercap.create(root, [
      { id: "intel-rapl:0", name: "package-0" },
      { id: "intel-rapl:0:0", name: "dram" },
    ]);
    // Counters advance at IDLE_W plus BUSY_W per CPU second of the model's process, written atomically (rename)
    // so the child never reads a half-written file.
    let last = { at: performance.now(), cpuS: childrenCpuS() };
    let packageUj = 0;
    let dramUj = 0;
    const write = (id: string, uj: number) => {
      const path = join(root, id, "energy_uj");
      writeFileSync(`${path}.tmp`, `${Math.round(uj)}\n`);
      renameSync(`${path}.tmp`, path);
    };
    const timer = setInterval(() => {
      const now = { at: performance.now(), cpuS: childrenCpuS() };
      const energyUj = (IDLE_W * ((now.at - last.at) / 1000) + BUSY_W_PER_CPU_S * Math.max(0, now.cpuS - last.cpuS)) * 1e6;
      packageUj += energyUj * (1 - DRAM_SHARE);
      dramUj += energyUj * DRAM_SHARE;
      write("intel-rapl:0", packageUj);
      write("intel-rapl:0:0", dramUj);
      last = now;
    }, 10);
    vi.stubEnv("FRUGAL_POWERCAP_ROOT", root);
    vi.stubEnv("FRUGAL_METER", "");
    try {
      const result = await runBenchmark({ task: "mnist", modelPath, windows: 3, maxWindows: 3, windowS: 0.3, idleS: 0.3 });
      expect(result).toMatchObject({ meter: "rapl", estimated: false, hardware: { meter: "rapl" } });
      expect(result.meterDetails).toMatchObject({ powercapRoot: root, domains: "intel-rapl:0 (package-0), intel-rapl:0:0 (dram)", meterSelection: "auto" });
      // idle: the model's process sleeps, so the counters move at about IDLE_W
      expect(result.idlePowerW).toBeGreaterThan(IDLE_W * 0.5);
      expect(result.idlePowerW).toBeLessThan(IDLE_W + BUSY_W_PER_CPU_S * 0.5);
      expect(result.energyPerInferenceJ).toBeGreaterThan(0);
      expect(result.grossEnergyPerInferenceJ).toBeGreaterThan(result.energyPerInferenceJ);
      // the net energy of the windows follows the model's CPU time at BUSY_W (loosely: ticks are 10 ms)
      const net = result.windows.reduce((sum, w) => sum + w.netEnergyJ, 0);
      const cpuS = result.windows.reduce((sum, w) => sum + w.cpuS, 0);
      expect(net / (BUSY_W_PER_CPU_S * cpuS)).toBeGreaterThan(0.5);
      expect(net / (BUSY_W_PER_CPU_S * cpuS)).toBeLessThan(1.5);
      expect(result.harnessFloor?.energyPerQueryJ).toBeGreaterThanOrEqual(0);
      expect(tree.read("intel-rapl:0")).toBeGreaterThan(0);
    } finally {
      clearInterval(timer);
      vi.unstubAllEnvs();
    }
  });
});
