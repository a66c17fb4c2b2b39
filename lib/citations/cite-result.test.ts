import { describe, expect, it } from "vitest";
import { bibtexEntry, citationKey, escapeBibtex, latexFigure, type CitationInput } from "./cite-result";

const input: CitationInput = {
  record: {
    id: "cmres0001abcdef",
    model: { slug: "mnist-cnn", name: "MNIST CNN" },
    task: { id: "mnist", title: "MNIST" },
    measuredAt: "2026-11-30T10:00:00.000Z",
    harnessVersion: "1.3.0",
    accuracy: 0.9791,
    energyPerInferenceJ: 38.24e-6,
    estimated: false,
  },
  resultUrl: "https://frugal.example/results/cmres0001abcdef",
  labelPdfUrl: "https://frugal.example/label/mnist-cnn/mnist.pdf?result=cmres0001abcdef",
  accessed: new Date("2026-12-01T09:00:00Z"),
};

describe("BibTeX", () => {
  it("is a @misc entry with the URL, the date accessed, the result id and the harness version", () => {
    expect(bibtexEntry(input)).toBe(
      [
        "@misc{frugalboard-mnist-cnn-mnist-01abcdef,",
        "  title = {{MNIST CNN on MNIST: energy per inference and accuracy}},",
        "  author = {frugalboard},",
        "  howpublished = \\url{https://frugal.example/results/cmres0001abcdef},",
        "  url = {https://frugal.example/results/cmres0001abcdef},",
        "  year = {2026},",
        "  urldate = {2026-12-01},",
        "  note = {Result cmres0001abcdef, measured 2026-11-30 with harness 1.3.0: 97.91\\% accuracy, 38.2 \\textmu{}J per inference. Accessed 2026-12-01}",
        "}",
      ].join("\n"),
    );
  });

  it("says when the energy is estimated", () => {
    expect(bibtexEntry({ ...input, record: { ...input.record, estimated: true } })).toContain("38.2 \\textmu{}J (estimated) per inference");
  });

  it("escapes names, so braces and specials cannot end a field or run a command", () => {
    const hostile = { ...input, record: { ...input.record, model: { slug: "x", name: "a}, note={pwned} \\input{/etc/passwd} 100% & #1 _x ~^" } } };
    const entry = bibtexEntry(hostile);
    const title = entry.split("\n")[1];
    expect(title).toBe(
      "  title = {{a\\}, note=\\{pwned\\} \\textbackslash{}input\\{/etc/passwd\\} 100\\% \\& \\#1 \\_x \\textasciitilde{}\\textasciicircum{} on MNIST: energy per inference and accuracy}},",
    );
    // Every brace the name brought is escaped: the unescaped ones balance.
    const unescaped = title.replace(/\\[{}]/g, "").replace(/\\\w+\{\}/g, "");
    expect(unescaped.split("{").length).toBe(unescaped.split("}").length);
    expect(escapeBibtex("µ·")).toBe("\\textmu{}\\textperiodcentered{}");
  });

  it("makes citation keys of letters, digits and '-' only", () => {
    expect(citationKey("a_b{c}", "mnist", "cm,x}y%z12345678")).toBe("frugalboard-abc-mnist-12345678");
  });
});

describe("LaTeX figure", () => {
  it("includes the PDF label linked to the result page", () => {
    const figure = latexFigure(input);
    expect(figure).toContain("% \\usepackage{graphicx,hyperref}");
    expect(figure).toContain(`% Download the label: ${input.labelPdfUrl}`);
    expect(figure).toContain("\\href{https://frugal.example/results/cmres0001abcdef}{\\includegraphics[width=0.4\\linewidth]{frugalboard-mnist-cnn-mnist.pdf}}");
    expect(figure).toContain("\\caption{Energy label of MNIST CNN on MNIST (frugalboard result cmres0001abcdef).}");
  });

  it("escapes % and # in the URL and specials in the caption", () => {
    const figure = latexFigure({ ...input, resultUrl: "https://x.example/r/a%20b#c", record: { ...input.record, model: { slug: "m", name: "50% & more" } } });
    expect(figure).toContain("\\href{https://x.example/r/a\\%20b\\#c}");
    expect(figure).toContain("Energy label of 50\\% \\& more on MNIST");
  });
});
