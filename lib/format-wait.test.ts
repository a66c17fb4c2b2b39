import { describe, expect, it } from "vitest";
import { formatWait } from "./format-wait";

describe("formatWait", () => {
  it("rounds up to seconds, minutes, then hours and minutes", () => {
    expect(formatWait(0.2)).toBe("1 s");
    expect(formatWait(58.5)).toBe("59 s");
    expect(formatWait(59.1)).toBe("1 min");
    expect(formatWait(61)).toBe("2 min");
    expect(formatWait(900)).toBe("15 min");
    expect(formatWait(3600)).toBe("1 h");
    expect(formatWait(86_399)).toBe("24 h");
    expect(formatWait(7_500)).toBe("2 h 5 min");
  });
});
