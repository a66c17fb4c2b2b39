import { describe, expect, it } from "vitest";
import { getHardwareProfile, hardwareProfileId, physicalCoresFromCpuinfo } from "./profile";

describe("hardware profile", () => {
  it("describes this machine with a stable id", () => {
    const first = getHardwareProfile({ intraOpThreads: 1, meter: "estimate" });
    const second = getHardwareProfile({ intraOpThreads: 1, meter: "estimate" });
    expect(first).toEqual(second);
    expect(first.id).toMatch(/^[0-9a-f]{16}$/);
    expect(first.onnxruntimeVersion).toBe("1.30.0");
    expect(first.threads).toBeGreaterThanOrEqual(first.cores);
    expect(first.nodeVersion).toBe(process.version);
    const { id, ...fields } = first;
    expect(hardwareProfileId(fields)).toBe(id);
  });

  it("changes the id with the thread count or the meter", () => {
    const one = getHardwareProfile({ intraOpThreads: 1, meter: "estimate" });
    expect(getHardwareProfile({ intraOpThreads: 2, meter: "estimate" }).id).not.toBe(one.id);
    expect(getHardwareProfile({ intraOpThreads: 1, meter: "rapl" }).id).not.toBe(one.id);
  });

  it("counts physical cores from /proc/cpuinfo", () => {
    const block = (cpu: number, core: number, socket = 0) => `processor\t: ${cpu}\nphysical id\t: ${socket}\ncore id\t\t: ${core}\n`;
    // 2 cores with SMT (4 threads) on one socket, plus 1 core on a second socket
    const cpuinfo = [block(0, 0), block(1, 1), block(2, 0), block(3, 1), block(4, 0, 1)].join("\n");
    expect(physicalCoresFromCpuinfo(cpuinfo)).toBe(3);
    expect(physicalCoresFromCpuinfo("processor : 0\nmodel name : x\n")).toBeUndefined();
  });
});
