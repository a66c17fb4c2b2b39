// Hardening checked over HTTP on the real server (npm start): hostile user text on real pages stays text,
// security headers on every kind of answer (pages, API, CSV, badges from the fast path), slugs that try to leave
// their lookup, and a friendly page while PostgreSQL is down (a second web server whose database connection goes
// through a proxy this test stops and starts). Cheap: one browser page; the rest are plain requests.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { freePort } from "../lib/testing/free-port";
import { HOSTILE_PROFILE, HOSTILE_SLUG, HOSTILE_TEXT } from "../lib/testing/hostile-text";
import { startTcpProxy, targetOf, type TcpProxy } from "../lib/testing/tcp-proxy";
import { e2eDatabaseUrl, e2eQueuePrefix } from "../lib/testing/test-env";

let failedSubmission = "";

test.beforeAll(() => {
  const run = spawnSync(process.execPath, ["--import", "tsx", "e2e/seed-hostile.ts"], { env: { ...process.env, DATABASE_URL: e2eDatabaseUrl }, encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  failedSubmission = run.stdout.trim().split("\n").at(-1) ?? "";
});

const RAW = [HOSTILE_TEXT.script, "<svg onload=alert(1)>", 'href="javascript:'];

async function html(request: APIRequestContext, path: string): Promise<string> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return response.text();
}

test("hostile names, descriptions, usernames, links and errors are shown as text on every page", async ({ request, page }) => {
  const pages = ["/", `/models/${HOSTILE_SLUG}`, `/tasks/mnist/${HOSTILE_PROFILE}/estimate`, `/submissions/${failedSubmission}`];
  for (const path of pages) {
    // The board page is regenerated in the background (ISR): wait until it shows the seeded model.
    await expect.poll(async () => (await html(request, path)).includes("&lt;script&gt;alert(1)&lt;/script&gt;"), { timeout: 30_000 }).toBe(true);
    const body = await html(request, path);
    for (const raw of RAW) expect(body, `${path} holds ${raw}`).not.toContain(raw);
  }
  const modelPage = await html(request, `/models/${HOSTILE_SLUG}`);
  expect(modelPage).toContain("e2e-&lt;script&gt;"); // the owner's username, escaped
  // A link's quotes and brackets are percent-encoded, so it cannot leave its attribute; javascript: is never linked.
  expect(modelPage).toContain('href="https://example.org/%22%3E%3Csvg%20onload=alert(1)%3E"');

  // And in the browser: nothing of theirs runs, and the site's own scripts, styles and chart are not blocked by
  // the Content-Security-Policy.
  const dialogs: string[] = [];
  const blocked: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) blocked.push(message.text());
  });
  await page.goto(`/models/${HOSTILE_SLUG}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(HOSTILE_TEXT.script);
  await expect(page.locator("svg[onload]")).toHaveCount(0);
  await page.goto(`/tasks/mnist/${HOSTILE_PROFILE}/estimate`);
  await expect(page.getByTestId("board-chart").locator("canvas")).toHaveAttribute("data-points", new RegExp(HOSTILE_SLUG));
  expect(dialogs).toEqual([]);
  expect(blocked).toEqual([]);
});

const HEADERS = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
};

test("every kind of answer carries the security headers", async ({ request }) => {
  const answers: [string, RegExp][] = [
    ["/", /script-src 'self' 'unsafe-inline'/],
    [`/models/${HOSTILE_SLUG}`, /default-src 'self'/],
    ["/no-such-page", /default-src 'self'/],
    ["/api/v1/tasks", /^default-src 'none'; frame-ancestors 'none'$/],
    ["/api/v1/leaderboard?task=mnist&format=csv", /^default-src 'none'/],
    ["/api/v1/models/no-such-model", /^default-src 'none'/],
    [`/badge/${HOSTILE_SLUG}/mnist.svg`, /^default-src 'none'; style-src 'unsafe-inline'/],
    [`/badge/${HOSTILE_SLUG}/mnist.svg`, /^default-src 'none'; style-src 'unsafe-inline'/], // again: answered from memory
    [`/api/v1/badges/${HOSTILE_SLUG}/mnist`, /^default-src 'none'/],
  ];
  for (const [path, csp] of answers) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers, path).toMatchObject(HEADERS);
    expect(headers["content-security-policy"], path).toMatch(csp);
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
  }
});

test("slugs and paths that try to leave their lookup find nothing and read nothing", async ({ request }) => {
  const paths = [
    "/badge/..%2F..%2Fpackage.json/mnist.svg",
    "/badge/%2e%2e%2f%2e%2e%2fpackage.json/mnist.svg",
    "/api/v1/badges/..%5C..%5Cpackage.json/mnist",
    "/api/v1/models/..%2F..%2F..%2Fetc%2Fpasswd",
    "/models/..%2F..%2Fpackage.json",
    "/models/%2e%2e%5c%2e%2e%5cpackage.json",
    "/_next/static/..%2F..%2F..%2Fpackage.json",
    "/..%2f..%2fpackage.json",
    "/%2e%2e/%2e%2e/etc/passwd",
  ];
  for (const path of paths) {
    const response = await request.get(path, { maxRedirects: 0 });
    const body = await response.text();
    expect(response.status(), path).toBeGreaterThanOrEqual(300);
    expect(body, path).not.toContain("allowScripts");
    expect(body, path).not.toContain("root:x:0:0");
  }
});

test("while PostgreSQL is down, pages show a friendly error with a retry and the API answers 503; both recover; no password is logged", async ({ page, request }) => {
  test.setTimeout(120_000);
  const proxy: TcpProxy = await startTcpProxy(targetOf(e2eDatabaseUrl));
  const port = await freePort();
  const password = "E2e-Pr0xy-Pa55word"; // trust authentication ignores it
  const databaseUrl = proxy.urlFor(e2eDatabaseUrl).replace("//postgres@", `//postgres:${password}@`);
  const web: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/web-server.ts", "--port", String(port), "--hostname", "127.0.0.1"], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, FRUGAL_QUEUE_PREFIX: e2eQueuePrefix },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let logged = "";
  web.stdout?.on("data", (chunk: Buffer) => (logged += chunk.toString()));
  web.stderr?.on("data", (chunk: Buffer) => (logged += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  try {
    await expect.poll(async () => (await request.get(`${base}/api/v1/health`).catch(() => null))?.status(), { timeout: 60_000 }).toBe(200);
    await proxy.stop();

    // Next.js answers 500 with a page shell and renders the error boundary (app/error.tsx) in the browser.
    const down = await request.get(`${base}/models/${HOSTILE_SLUG}`);
    expect(down.status()).toBe(500);
    expect(await down.text()).not.toContain(password);
    const api = await request.get(`${base}/api/v1/models/${HOSTILE_SLUG}`);
    expect(api.status()).toBe(503);
    expect((await api.json()).error.code).toBe("service_unavailable");

    await page.goto(`${base}/models/${HOSTILE_SLUG}`);
    await expect(page.getByRole("heading", { name: "This page is unavailable for a moment" })).toBeVisible();
    await expect(page.getByTestId("page-error")).toContainText("Nothing you submitted is lost");
    await proxy.start();
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(HOSTILE_TEXT.script, { timeout: 15_000 });
    expect((await request.get(`${base}/api/v1/models/${HOSTILE_SLUG}`)).status()).toBe(200);
    expect(logged).toContain("[web] serving");
    expect(logged).toContain("database unavailable"); // the outage was logged…
    expect(logged).not.toContain(password); // …without the password
  } finally {
    web.kill("SIGTERM");
    await proxy.close();
  }
});
