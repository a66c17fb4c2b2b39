import { describe, expect, it, vi } from "vitest";
import { processWide } from "./process-wide";

describe("processWide", () => {
  it("gives every caller of a name the instance the first one made, as two copies of a module would ask", () => {
    const name = `test-${Math.random()}`;
    const first = vi.fn(() => new Map<string, number>());
    const second = vi.fn(() => new Map<string, number>());
    const a = processWide(name, first);
    const b = processWide(name, second);
    expect(b).toBe(a);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
    a.set("k", 1);
    expect(b.get("k")).toBe(1);
    expect(processWide(`${name}-other`, () => new Map())).not.toBe(a);
  });
});
