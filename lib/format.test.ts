import { describe, expect, it } from "vitest";
import { formatBytes, formatMicrojoules, formatPercent, formatPerJoule } from "./format";

describe("format", () => {
  it("shows energy in µJ with three significant figures", () => {
    expect(formatMicrojoules(38.24e-6)).toBe("38.2 µJ");
    expect(formatMicrojoules(0.0912e-6)).toBe("0.0912 µJ");
    expect(formatMicrojoules(1234e-6)).toBe("1234 µJ");
  });

  it("shows percentages, bytes and per-joule figures with units", () => {
    expect(formatPercent(0.9791)).toBe("97.91%");
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.50 KiB");
    expect(formatBytes(3 * 1024 * 1024)).toBe("3.00 MiB");
    expect(formatPerJoule(25_600_000)).toBe("25.6M");
  });
});
