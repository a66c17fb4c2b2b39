import { describe, expect, it } from "vitest";
import { badgeContent, BADGE_LABEL } from "./badge-content";
import { shieldsEndpoint } from "./endpoint-json";
import { parseBadgeStyle, renderBadgeSvg } from "./render-badge";
import { badgeSnippets, escapeLatex } from "./snippets";

const result = { kind: "result", resultId: "r1", taskId: "mnist", accuracy: 0.9791, energyPerInferenceJ: 38.24e-6, energyClass: "E", estimated: false, rank: null } as const;

describe("badge content", () => {
  it("names the task, accuracy, µJ per inference and class, coloured by class", () => {
    expect(badgeContent(result)).toEqual({ label: "frugalboard", message: "mnist 97.9% · 38.2 µJ · E", color: "fdb913", isError: false });
    expect(badgeContent({ ...result, energyClass: "A", energyPerInferenceJ: 0.5e-6 }).color).toBe("00a651");
  });

  it("adds the board's rank with its tie mark when there is one", () => {
    expect(badgeContent({ ...result, rank: "=3" }).message).toBe("mnist 97.9% · 38.2 µJ · E · rank =3");
    expect(badgeContent({ ...result, rank: "4" }).message).toBe("mnist 97.9% · 38.2 µJ · E · rank 4");
  });

  it("says when the energy is estimated", () => {
    expect(badgeContent({ ...result, estimated: true }).message).toBe("mnist 97.9% · 38.2 µJ (est.) · E");
  });

  it("answers grey for withdrawn, pending and unknown", () => {
    expect(badgeContent({ kind: "withdrawn", taskId: "mnist" })).toMatchObject({ message: "mnist withdrawn", color: "9f9f9f", isError: false });
    expect(badgeContent({ kind: "pending", taskId: "mnist" })).toMatchObject({ message: "mnist benchmark pending", color: "9f9f9f" });
    expect(badgeContent({ kind: "not_found" })).toMatchObject({ message: "not found", color: "9f9f9f", isError: true });
  });
});

describe("badge SVG", () => {
  it("is an SVG with the label, the message and the class colour", () => {
    const svg = renderBadgeSvg(badgeContent(result));
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("frugalboard");
    expect(svg).toContain("mnist 97.9% · 38.2 µJ · E");
    expect(svg).toContain('fill="#fdb913"');
    expect(svg).toContain("<title>frugalboard: mnist 97.9% · 38.2 µJ · E</title>");
  });

  it("escapes text, so a hostile label or message cannot inject markup", () => {
    const svg = renderBadgeSvg({ label: '<script>alert("x")</script>', message: "a & b <img onerror=x>", color: "9f9f9f", isError: true });
    expect(svg).not.toContain("<script>");
    expect(svg).not.toContain("<img");
    expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(svg).toContain("a &amp; b &lt;img onerror=x&gt;");
  });

  it("draws each accepted style and refuses others", () => {
    expect(parseBadgeStyle(null)).toBe("flat");
    expect(parseBadgeStyle("")).toBe("flat");
    for (const style of ["flat", "flat-square", "for-the-badge", "plastic"]) {
      const parsed = parseBadgeStyle(style);
      expect(parsed).toBe(style);
      expect(renderBadgeSvg(badgeContent(result), parsed ?? undefined)).toContain("<svg");
    }
    expect(parseBadgeStyle("social")).toBeNull();
    expect(parseBadgeStyle("<script>")).toBeNull();
    // for-the-badge writes the text in capitals
    expect(renderBadgeSvg(badgeContent(result), "for-the-badge")).toContain("FRUGALBOARD");
  });
});

describe("shields.io endpoint JSON", () => {
  it("has exactly the keys of shields' endpoint schema", () => {
    const json = shieldsEndpoint(badgeContent(result));
    expect(json).toEqual({ schemaVersion: 1, label: BADGE_LABEL, message: "mnist 97.9% · 38.2 µJ · E", color: "fdb913", cacheSeconds: 300 });
    expect(Object.keys(json).sort()).toEqual(["cacheSeconds", "color", "label", "message", "schemaVersion"]);
  });

  it("marks errors and never asks shields to cache for under 300 s", () => {
    expect(shieldsEndpoint(badgeContent({ kind: "not_found" }), 10)).toEqual({
      schemaVersion: 1,
      label: "frugalboard",
      message: "not found",
      color: "9f9f9f",
      cacheSeconds: 300,
      isError: true,
    });
  });

  it("carries hostile text as plain JSON strings", () => {
    const json = JSON.stringify(shieldsEndpoint({ label: "<script>", message: '"}</script>', color: "9f9f9f", isError: false }));
    expect(JSON.parse(json)).toMatchObject({ label: "<script>", message: '"}</script>' });
  });
});

describe("badge snippets", () => {
  const snippets = Object.fromEntries(
    badgeSnippets({ baseUrl: "https://frugal.example/", slug: "mnist-cnn", taskId: "mnist", message: "mnist 97.9% · 38.2 µJ · E" }).map((s) => [s.format, s.code]),
  );

  it("gives Markdown, HTML, reStructuredText and LaTeX pointing at the badge and the model page", () => {
    expect(snippets.Markdown).toBe(
      "[![frugalboard: mnist-cnn on mnist](https://frugal.example/badge/mnist-cnn/mnist.svg)](https://frugal.example/models/mnist-cnn)",
    );
    expect(snippets.HTML).toBe(
      '<a href="https://frugal.example/models/mnist-cnn"><img src="https://frugal.example/badge/mnist-cnn/mnist.svg" alt="frugalboard: mnist-cnn on mnist"></a>',
    );
    expect(snippets.reStructuredText).toBe(
      ".. image:: https://frugal.example/badge/mnist-cnn/mnist.svg\n   :target: https://frugal.example/models/mnist-cnn\n   :alt: frugalboard: mnist-cnn on mnist",
    );
    expect(snippets.LaTeX).toBe(
      "% \\usepackage{hyperref}\n\\href{https://frugal.example/models/mnist-cnn}{frugalboard: mnist 97.9\\% \\textperiodcentered{} 38.2 \\textmu{}J \\textperiodcentered{} E}",
    );
  });

  it("escapes LaTeX's special characters", () => {
    expect(escapeLatex("a_b & c#1 {x} ~ ^ \\ $5 100%")).toBe(
      "a\\_b \\& c\\#1 \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{} \\$5 100\\%",
    );
  });
});

describe("fast-path URL parsing", () => {
  it("recognises the badge and endpoint URLs and nothing else", async () => {
    const { parseBadgeUrl } = await import("./fast-path");
    expect(parseBadgeUrl("/badge/mnist-cnn/mnist.svg")).toEqual({ kind: "svg", slug: "mnist-cnn", taskId: "mnist", style: null, resultId: null });
    expect(parseBadgeUrl("/badge/mnist-cnn/fashion-mnist.svg?style=for-the-badge")).toEqual({
      kind: "svg",
      slug: "mnist-cnn",
      taskId: "fashion-mnist",
      style: "for-the-badge",
      resultId: null,
    });
    expect(parseBadgeUrl("/api/v1/badges/mnist-cnn/mnist")).toEqual({ kind: "json", slug: "mnist-cnn", taskId: "mnist", resultId: null });
    // A pinned result (a paper's figure) is part of what the URL asks for.
    expect(parseBadgeUrl("/badge/mnist-cnn/mnist.svg?result=cmabc&style=plastic")).toMatchObject({ resultId: "cmabc", style: "plastic" });
    expect(parseBadgeUrl("/api/v1/badges/mnist-cnn/mnist?result=cmabc")).toMatchObject({ kind: "json", resultId: "cmabc" });
    expect(parseBadgeUrl("/badge/a%3Cscript%3E/mnist.svg")).toMatchObject({ slug: "a<script>" });
    for (const other of ["/badge/mnist-cnn/mnist.png", "/badge/mnist-cnn.svg", "/badge/a/b/c.svg", "/tasks/mnist", "/api/v1/badges/x", "/badge/%E0%A4%A/mnist.svg"]) {
      expect(parseBadgeUrl(other), other).toBeNull();
    }
  });
});
