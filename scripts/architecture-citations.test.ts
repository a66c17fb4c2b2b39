// Code comments cite docs/architecture.md by section title (and protocol step): every cited section and step exists.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const doc = readFileSync("docs/architecture.md", "utf8");
const headings = new Set([...doc.matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1].trim()));
const protocol = doc.slice(doc.indexOf("## Measurement protocol"), doc.indexOf("\n## ", doc.indexOf("## Measurement protocol") + 1));
const steps = new Set([...protocol.matchAll(/^ ?(\d+)\. \*\*/gm)].map((m) => Number(m[1])));

// Every tracked file that mentions the document, with the text after each mention.
const files = execFileSync("git", ["grep", "-l", "docs/architecture.md", "--", ":!docs/", ":!scripts/architecture-citations.test.ts"], { encoding: "utf8" })
  .split("\n")
  .filter(Boolean);
const citations = files.flatMap((file) => {
  const text = readFileSync(file, "utf8").replace(/\n\s*(\/\/|\*)\s*/g, " ");
  return [...text.matchAll(/docs\/architecture\.md,? "([^"]+)"(?: steps? (\d+)(?: and (\d+))?)?/g)].map((m) => ({
    file,
    section: m[1],
    steps: [m[2], m[3]].filter(Boolean).map(Number),
  }));
});

describe("citations of docs/architecture.md", () => {
  it("are found in the code (the comments point there)", () => {
    expect(citations.length).toBeGreaterThan(30);
  });

  it("name sections and protocol steps that exist", () => {
    const missing = citations.filter((c) => !headings.has(c.section) || c.steps.some((s) => !steps.has(s)));
    expect(missing).toEqual([]);
    expect([...steps].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
