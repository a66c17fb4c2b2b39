// The queue seam is kept by the linter: a BullMQ or Redis import outside lib/queue/ fails `npm run lint`.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function problemsOf(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("the queue seam", () => {
  it.each([
    ["worker/x.ts", 'import { Worker } from "bullmq";\nexport const w = Worker;\n'],
    ["app/api/v1/x/route.ts", 'import { Redis } from "ioredis";\nexport const r = Redis;\n'],
    ["lib/submissions/x.ts", 'import type { Job } from "bullmq";\nexport type J = Job;\n'],
    ["scripts/x.ts", 'import { createPostgresBackend } from "bullmq";\nexport const f = createPostgresBackend;\n'],
  ])("refuses a BullMQ or Redis import in %s, naming lib/queue/", async (filePath, code) => {
    const problems = await problemsOf(code, filePath);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/Only lib\/queue\//);
  });

  it("allows them inside lib/queue/", async () => {
    expect(await problemsOf('import { Worker } from "bullmq";\nexport const w = Worker;\n', "lib/queue/x.ts")).toEqual([]);
  });
});
