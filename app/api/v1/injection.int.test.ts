// User text as an attacker would type it, through the real routes: links that would run script are refused at
// input, names and descriptions come back from the JSON API exactly as typed (as data, never markup), the CSV
// export neutralises formulas, badges never carry them, and slugs cannot reach outside their lookup.
// The HTML pages are checked for real in e2e/hardening.spec.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distinctCopy } from "@/benchmarks/onnx/testing/distinct-copy";
import { clearBadgeCache } from "@/lib/badges/serve-badge";
import { getDb } from "@/lib/db/client";
import { closeQueues } from "@/lib/queue/get-queue";
import { baselineBytes, newResearcher, submissionRequest, uniqueSlug } from "@/lib/testing/fixtures";
import { HOSTILE_TEXT } from "@/lib/testing/hostile-text";
import { insertResult } from "@/lib/testing/insert-result";
import { GET as badgeSvg } from "../../badge/[slug]/[task]/route";
import { GET as badgeJson } from "./badges/[slug]/[task]/route";
import { GET as leaderboard } from "./leaderboard/route";
import { GET as model } from "./models/[slug]/route";
import { POST as submit } from "./submissions/route";

const HOSTILE = HOSTILE_TEXT;

const db = getDb();
const slug = uniqueSlug("injected");
let token: string;

beforeAll(async () => {
  token = await newResearcher(db, "injection");
  await insertResult(db, {
    modelSlug: slug,
    modelName: HOSTILE.formula,
    description: `${HOSTILE.script} ${HOSTILE.attribute}`,
    owner: `owner-${HOSTILE.script}`,
    taskId: "mnist",
    accuracy: 0.97,
    energyPerInferenceJ: 3e-6,
    codeUrl: "javascript:alert(1)",
    paperUrl: "https://arxiv.org/abs/1234.5678",
  });
  clearBadgeCache();
});

afterAll(async () => {
  await closeQueues();
  await db.$disconnect();
});

async function post(fields: Record<string, string>) {
  const base = submissionRequest({ token, model: fields.model ?? uniqueSlug("u"), task: "mnist", file: distinctCopy(baselineBytes("mnist-logreg.onnx"), uniqueSlug("x")) });
  const form = await base.formData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  // A new body gets its own multipart boundary: only the token is carried over.
  const response = await submit(new Request(base.url, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form }));
  return { status: response.status, body: await response.json() };
}

describe("links that would run script are refused at input", () => {
  it.each([
    ["paperUrl", "javascript:alert(1)"],
    ["codeUrl", "JaVaScRiPt:alert(document.cookie)"],
    ["paperUrl", " javascript:alert(1)"],
    ["codeUrl", "java\tscript:alert(1)"],
    ["paperUrl", "data:text/html,<script>alert(1)</script>"],
    ["codeUrl", "vbscript:msgbox(1)"],
    ["paperUrl", "//evil.example/x"],
  ])("%s = %j: 400 naming the field, nothing stored", async (field, value) => {
    const model = uniqueSlug("url");
    const { status, body } = await post({ model, [field]: value });
    expect(status).toBe(400);
    expect(body.error.message).toContain(`\`${field}\` must be an http(s) URL`);
    expect(await db.model.findUnique({ where: { slug: model } })).toBeNull();
  });

  it("keeps http(s) links, and names or descriptions as typed (they are text, escaped where shown)", async () => {
    const model = uniqueSlug("typed");
    const { status } = await post({ model, name: HOSTILE.formula, description: HOSTILE.attribute, paperUrl: "https://arxiv.org/abs/2401.00001" });
    expect(status).toBe(201);
    const stored = await db.model.findUniqueOrThrow({ where: { slug: model } });
    expect(stored).toMatchObject({ name: HOSTILE.formula, description: HOSTILE.attribute, paperUrl: "https://arxiv.org/abs/2401.00001" });
  });

  it("refuses control characters and bidirectional overrides in a name", async () => {
    const { status, body } = await post({ name: "innocent\u202Egnp.exe" });
    expect(status).toBe(400);
    expect(body.error.message).toContain("`name` must not contain control characters");
  });
});

describe("user text in the JSON API, the CSV export and badges", () => {
  it("JSON: returned exactly as typed, as data with a JSON content type, and a stored javascript: link is never served", async () => {
    const response = await model(new Request(`http://localhost/api/v1/models/${slug}`), { params: Promise.resolve({ slug }) });
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await response.json();
    expect(body.name).toBe(HOSTILE.formula);
    expect(body.description).toBe(`${HOSTILE.script} ${HOSTILE.attribute}`);
    expect(body.codeUrl).toBeNull();
    expect(body.paperUrl).toBe("https://arxiv.org/abs/1234.5678");
  });

  it("CSV: a name starting a formula is neutralised, quoted, and served as a download", async () => {
    const response = await leaderboard(new Request("http://localhost/api/v1/leaderboard?task=mnist&hardware=0000feedbeef0001&meter=estimate&format=csv"));
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment;/);
    const row = (await response.text()).split("\r\n").find((line) => line.includes(slug));
    expect(row).toContain(`,"'=HYPERLINK(""http://x"",""y"")",`);
    expect(row).not.toMatch(/(^|,)=/);
  });

  it("SVG: hostile slugs and tasks in the URL get the plain 'not found' badge, with no markup of theirs", async () => {
    for (const [s, task] of [
      [HOSTILE.script, "mnist.svg"],
      [slug, `${HOSTILE.attribute}.svg`],
    ]) {
      const response = await badgeSvg(new Request("http://localhost/badge/x/y.svg"), { params: Promise.resolve({ slug: s, task }) });
      const svg = await response.text();
      expect(response.status).toBe(404);
      expect(svg).toContain("not found");
      expect(svg).not.toMatch(/<script|onload|alert/i);
    }
    const ok = await (await badgeSvg(new Request(`http://localhost/badge/${slug}/mnist.svg`), { params: Promise.resolve({ slug, task: "mnist.svg" }) })).text();
    expect(ok).toContain("mnist 97.0%");
    expect(ok).not.toMatch(/<script|onload|HYPERLINK/i);
  });
});

describe("slugs cannot traverse paths", () => {
  it.each(["../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fpackage.json", "..\\..\\package.json", "/etc/passwd", "a/../../b"])(
    "model name %j is refused at input",
    async (name) => {
      const { status, body } = await post({ model: name });
      expect(status).toBe(400);
      expect(body.error.message).toContain("`model`");
    },
  );

  it.each(["../../package.json", "..\\..\\package.json", "%2e%2e%2fpackage.json", "....//package.json"])("a lookup of %j finds nothing and reads nothing", async (s) => {
    const response = await model(new Request("http://localhost/api/v1/models/x"), { params: Promise.resolve({ slug: s }) });
    expect(response.status).toBe(404);
    const text = await response.text();
    expect(text).not.toContain("allowScripts"); // nothing of package.json
    expect(text).not.toContain("root:x:0:0"); // nor of /etc/passwd
    const badge = await badgeJson(new Request("http://localhost/api/v1/badges/x/mnist"), { params: Promise.resolve({ slug: s, task: "mnist" }) });
    expect(badge.status).toBe(404);
  });
});

