import { describe, expect, it } from "vitest";
import { HOSTILE_TEXT } from "../testing/hostile-text";
import type { ResultRecord } from "../results/get-result";
import { labelContent, scaleOf } from "./label-content";
import { cut, escapeXml, LABEL_HEIGHT_PX, LABEL_WIDTH_PX, renderLabelSvg } from "./render-label";
import { splitFormat, svgSize } from "./svg-to-formats";

const record = {
  id: "cmres0001",
  model: { slug: "mnist-cnn", name: "MNIST CNN" },
  task: { id: "mnist", title: "MNIST handwritten digits" },
  standing: "current",
  energyClass: "E",
  energyPerInferenceJ: 38.24e-6,
  energyCi95J: [37.1e-6, 39.4e-6],
  accuracy: 0.9791,
  accuracyPerJoule: 25_604,
  numericFormat: null,
  estimated: true,
  meter: "estimate",
  hardware: { id: "3f9a0c4d2b1e7a65", cpuModel: "Test CPU 9000", threads: 8, intraOpThreads: 1 },
  measuredAt: "2026-11-30T10:00:00.000Z",
  harnessVersion: "1.3.0",
  onnxruntimeVersion: "1.30.0",
} as unknown as ResultRecord;
const url = "https://frugal.example/results/cmres0001";

describe("energy label content", () => {
  it("has the task's A–G scale from its bounds, the class, and every figure a paper cites", () => {
    const content = labelContent(record, url);
    expect(content.scale.map((s) => s.range)).toEqual(["up to 1 µJ", "1–3 µJ", "3–10 µJ", "10–30 µJ", "30–100 µJ", "100–300 µJ", "over 300 µJ"]);
    expect(content.energyClass).toBe("E");
    expect(Object.fromEntries(content.figures)).toEqual({
      "Energy / inference": "38.2 µJ (95% CI 37.1–39.4 µJ) *estimated*",
      Accuracy: "97.91%",
      "Accuracy per joule": "25.6K",
      "Numeric format": "not recorded",
      Hardware: "Test CPU 9000, 1 of 8 threads",
      "Hardware profile": "3f9a0c4d2b1e7a65",
      Meter: "estimate: *estimated* (CPU time × W/thread)",
      Measured: "2026-11-30",
      Harness: "1.3.0 · onnxruntime 1.30.0",
    });
    expect(content.url).toBe(url);
  });

  it("says measured for a rapl result, and the numeric format when the harness recorded one", () => {
    const figures = Object.fromEntries(labelContent({ ...record, estimated: false, meter: "rapl", numericFormat: "int8" }, url).figures);
    expect(figures.Meter).toBe("rapl (measured)");
    expect(figures["Energy / inference"]).toBe("38.2 µJ (95% CI 37.1–39.4 µJ)");
    expect(figures["Numeric format"]).toBe("int8");
  });

  it("writes class ranges without characters PDF's standard fonts lack", () => {
    expect(scaleOf({ dated: "2026-01-01", upperBoundsUj: [0.5, 1, 2, 4, 8, 16], reason: "" })[0].range).toBe("up to 0.5 µJ");
  });
});

describe("energy label SVG", () => {
  it("is an SVG of the label's size that marks the class and carries the URL", () => {
    const svg = renderLabelSvg(labelContent(record, url));
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svgSize(svg)).toEqual({ widthPx: LABEL_WIDTH_PX, heightPx: LABEL_HEIGHT_PX });
    expect(svg).toContain('data-class="E"');
    expect(svg.match(/data-class=/g)).toHaveLength(1);
    expect(svg).toContain(url);
    expect(svg).toContain("*estimated*");
    expect(svg).not.toContain("WITHDRAWN");
  });

  it("says so on a withdrawn or superseded result", () => {
    expect(renderLabelSvg(labelContent({ ...record, standing: "withdrawn" }, url))).toContain("WITHDRAWN by its owner");
    expect(renderLabelSvg(labelContent({ ...record, standing: "superseded" }, url))).toContain("Superseded by a newer result");
  });

  it("escapes hostile model and task names, so they cannot add markup or break the XML", () => {
    for (const hostile of Object.values(HOSTILE_TEXT)) {
      const svg = renderLabelSvg(labelContent({ ...record, model: { slug: "x", name: hostile }, task: { id: "mnist", title: `${hostile}\u0000\u001b` } }, url));
      expect(svg).not.toContain("<script");
      expect(svg).not.toContain("<svg onload");
      // eslint-disable-next-line no-control-regex
      expect(svg).not.toMatch(/[\u0000-\u0008\u001b]/);
      // The only elements are the ones the label draws.
      expect(new Set(svg.match(/<([a-z]+)/g))).toEqual(new Set(["<svg", "<title", "<rect", "<text", "<path", "<line"]));
    }
    expect(escapeXml(`a&b<c>"d"'e'`)).toBe("a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;");
  });

  it("cuts long names by character, never inside a surrogate pair", () => {
    expect(cut("abcdef", 4)).toBe("abc…");
    expect(cut("😀😀😀😀😀", 3)).toBe("😀😀…");
    expect(cut("short", 10)).toBe("short");
  });
});

describe("image URL endings", () => {
  it("accepts .svg, .png and .pdf and nothing else", () => {
    expect(splitFormat("mnist.svg")).toEqual({ name: "mnist", format: "svg" });
    expect(splitFormat("fashion-mnist.pdf")).toEqual({ name: "fashion-mnist", format: "pdf" });
    expect(splitFormat("mnist.png")).toEqual({ name: "mnist", format: "png" });
    for (const other of ["mnist", "mnist.gif", ".svg", "mnist.SVG"]) expect(splitFormat(other), other).toBeNull();
  });

  it("refuses an SVG without a declared size", () => {
    expect(() => svgSize("<svg></svg>")).toThrow("The SVG declares no width and height on its root.");
  });
});
