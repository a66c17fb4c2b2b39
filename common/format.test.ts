import { describe, expect, it } from "vitest";
import { formatBytes, formatDate, formatDateTime, formatMicrojoules, formatPercent, formatPerJoule, formatRank, formatSi } from "./format";

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
    expect(formatBytes(1020 * 1024)).toBe("1020 KiB");
    expect(formatPerJoule(25_600_000)).toBe("25.6M");
  });

  it("shows a shared rank with a leading =", () => {
    expect(formatRank(3, true)).toBe("=3");
    expect(formatRank(3, false)).toBe("3");
  });

  it("shows small and large quantities with SI prefixes", () => {
    expect(formatSi(0.0123, "g")).toBe("12.3 mg");
    expect(formatSi(1.9e-5, "L")).toBe("19.0 µL");
    expect(formatSi(38, "J")).toBe("38.0 J");
    expect(formatSi(2500, "J")).toBe("2.50 kJ");
    expect(formatSi(3e-12, "Wh")).toBe("0.00300 nWh");
    expect(formatSi(0, "g")).toBe("0 g");
  });

  it("shows dates in UTC", () => {
    expect(formatDate("2026-11-29T23:59:00.000Z")).toBe("2026-11-29");
    expect(formatDateTime("2026-11-29T04:46:31.000Z")).toBe("2026-11-29 04:46 UTC");
  });
});
