import { describe, expect, it } from "vitest";
import { environmentalFigures } from "./environment";
import { safeHttpUrl } from "./safe-url";

describe("environmental figures", () => {
  it("converts energy per inference to energy, CO₂e and water per million inferences", () => {
    // 36 µJ × 10⁶ = 36 J = 1e-5 kWh; × 475 g/kWh = 4.75 mg; × 1.8 L/kWh = 18 µL
    const figures = environmentalFigures(36e-6, { gridGPerKwh: 475, wueLPerKwh: 1.8 }, true);
    expect(figures.inferences).toBe(1_000_000);
    expect(figures.energyJ).toBeCloseTo(36, 10);
    expect(figures.energyKwh).toBeCloseTo(1e-5, 15);
    expect(figures.co2eG).toBeCloseTo(4.75e-3, 12);
    expect(figures.waterL).toBeCloseTo(1.8e-5, 12);
    expect(figures.estimated).toBe(true);
  });

  it("follows the configured grid intensity and WUE", () => {
    const figures = environmentalFigures(3.6e-3, { gridGPerKwh: 50, wueLPerKwh: 0 }, false, 1000);
    expect(figures.energyKwh).toBeCloseTo(1e-6, 15);
    expect(figures.co2eG).toBeCloseTo(5e-5, 15);
    expect(figures.waterL).toBe(0);
  });
});

describe("safeHttpUrl", () => {
  it("keeps http and https links", () => {
    expect(safeHttpUrl("https://arxiv.org/abs/1234.5678")).toBe("https://arxiv.org/abs/1234.5678");
    expect(safeHttpUrl(" http://example.org/code ")).toBe("http://example.org/code");
  });

  it("drops other schemes and junk", () => {
    expect(safeHttpUrl("javascript:alert(1)")).toBeNull();
    expect(safeHttpUrl("JaVaScRiPt:alert(1)")).toBeNull();
    expect(safeHttpUrl("data:text/html,<script>alert(1)</script>")).toBeNull();
    expect(safeHttpUrl("ftp://example.org/x")).toBeNull();
    expect(safeHttpUrl("not a url")).toBeNull();
    expect(safeHttpUrl(null)).toBeNull();
    expect(safeHttpUrl("")).toBeNull();
  });
});
