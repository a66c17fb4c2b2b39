// The doors between rooms are kept by the linter (eslint.config.mjs): for each forbidden direction, an import
// written the two ways the code writes them (alias and relative) fails the lint, and an allowed one passes.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// From docs/architecture.md, "Rooms and doors": what each room must not import.
const FORBIDDEN: Record<string, string[]> = {
  common: ["app", "lib", "benchmarks", "worker", "cli", "scripts", "e2e"],
  benchmarks: ["app", "lib", "worker", "cli", "scripts", "e2e"],
  lib: ["app", "worker", "cli", "scripts", "e2e"],
  app: ["benchmarks", "worker", "cli", "scripts", "e2e"],
  worker: ["app", "cli", "scripts", "e2e"],
  cli: ["app", "lib", "worker", "scripts", "e2e"],
};
const ALLOWED: [string, string][] = [
  ["app", "lib"],
  ["app", "common"],
  ["lib", "benchmarks"],
  ["lib", "common"],
  ["worker", "lib"],
  ["worker", "benchmarks"],
  ["cli", "benchmarks"],
  ["cli", "common"],
  ["benchmarks", "common"],
  ["scripts", "lib"],
];

const eslint = new ESLint({ cwd: process.cwd() });

/** The rule ids the lint reports for `source` in a source file (or an integration test) two folders deep in `room`. */
async function lintImport(room: string, source: string, kind: "source" | "int-test" = "source"): Promise<{ rules: string[]; messages: string[] }> {
  const filePath = `${room}/some-area/${kind === "source" ? "door-probe.ts" : "door-probe.int.test.ts"}`;
  const [result] = await eslint.lintText(`import { probe } from "${source}";\nexport const value = probe;\n`, { filePath });
  return { rules: result.messages.map((m) => m.ruleId ?? "parse"), messages: result.messages.map((m) => m.message) };
}

describe("the doors between rooms", () => {
  for (const [room, targets] of Object.entries(FORBIDDEN)) {
    for (const target of targets) {
      it(`${room}/ → ${target}/ fails the lint, as alias and as relative import`, async () => {
        for (const source of [`@/${target}/probe`, `../../${target}/probe`]) {
          const { rules, messages } = await lintImport(room, source);
          expect(rules, source).toEqual(["no-restricted-imports"]);
          expect(messages[0]).toContain(`${room}/ may import only`);
        }
      });
    }
  }

  for (const [room, target] of ALLOWED) {
    it(`${room}/ → ${target}/ passes`, async () => {
      for (const source of [`@/${target}/probe`, `../../${target}/probe`]) expect((await lintImport(room, source)).rules, source).toEqual([]);
    });
  }

  it("lets an integration test assemble the rooms (worker/ → app/), but not reach into scripts/", async () => {
    expect((await lintImport("worker", "@/app/api/v1/submissions/route", "int-test")).rules).toEqual([]);
    expect((await lintImport("worker", "@/scripts/test", "int-test")).rules).toEqual(["no-restricted-imports"]);
  });

  it("keeps imports inside a room free", async () => {
    expect((await lintImport("benchmarks", "../harness/probe")).rules).toEqual([]);
    expect((await lintImport("lib", "./probe")).rules).toEqual([]);
  });
});
