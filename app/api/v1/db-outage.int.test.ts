// PostgreSQL down, for real: this process's database client goes through a TCP proxy the test stops and starts
// (the shared server is never touched). Every API route answers 503 with a JSON error (badges: a grey badge),
// nothing secret is said or logged, and the API answers again as soon as PostgreSQL is back, without a restart.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, resetDbForTests } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { clearBadgeCache } from "@/lib/badges/serve-badge";
import { closeQueues } from "@/lib/queue/get-queue";
import { baselineBytes, newResearcher, submissionRequest, uniqueSlug } from "@/lib/testing/fixtures";
import { insertResult } from "@/lib/testing/insert-result";
import { startTcpProxy, targetOf, type TcpProxy } from "@/lib/testing/tcp-proxy";
import { fileDatabaseUrl } from "@/lib/testing/test-env";
import { distinctCopy } from "@/benchmarks/onnx/testing/distinct-copy";
import { GET as badgeSvg } from "../../badge/[slug]/[task]/route";
import { GET as badgeJson } from "./badges/[slug]/[task]/route";
import { GET as health } from "./health/route";
import { GET as leaderboard } from "./leaderboard/route";
import { GET as model } from "./models/[slug]/route";
import { GET as submissionStatus } from "./submissions/[id]/route";
import { POST as submit } from "./submissions/route";

const databaseUrl = fileDatabaseUrl();
const PASSWORD = "Pr0xy-s3cret-pw"; // trust authentication ignores it; it must never be shown or logged
const direct = createDb(databaseUrl);
const savedUrl = process.env.DATABASE_URL;
const slug = uniqueSlug("outage-model");
let proxy: TcpProxy;
let token: string;
let submissionId: string;

beforeAll(async () => {
  proxy = await startTcpProxy(targetOf(databaseUrl));
  process.env.DATABASE_URL = proxy.urlFor(databaseUrl).replace("//postgres@", `//postgres:${PASSWORD}@`);
  resetEnvForTests();
  await resetDbForTests();
  await insertResult(direct, { modelSlug: slug, taskId: "mnist", accuracy: 0.93, energyPerInferenceJ: 2e-6 });
  token = await newResearcher(direct, "outage");
  const created = await submit(submissionRequest({ token, model: uniqueSlug("outage"), task: "mnist", file: distinctCopy(baselineBytes("mnist-logreg.onnx"), "outage") }));
  submissionId = (await created.json()).id;
});

afterAll(async () => {
  process.env.DATABASE_URL = savedUrl;
  resetEnvForTests();
  await resetDbForTests();
  await proxy.close();
  await closeQueues();
  await direct.$disconnect();
});

const params = <T>(value: T) => ({ params: Promise.resolve(value) });
const get = (path: string) => new Request(`http://localhost${path}`);

/** Every route a client or a README reaches, as handlers called the way Next.js calls them. */
const ROUTES: [string, () => Promise<Response>][] = [
  ["GET /api/v1/leaderboard", () => leaderboard(get("/api/v1/leaderboard?task=fashion-mnist"))],
  ["GET /api/v1/models/:slug", () => model(get(`/api/v1/models/${slug}`), params({ slug }))],
  ["GET /api/v1/submissions/:id", () => submissionStatus(get(`/api/v1/submissions/${submissionId}`), params({ id: submissionId }))],
  ["POST /api/v1/submissions", () => submit(submissionRequest({ token, model: uniqueSlug("down"), task: "mnist", file: distinctCopy(baselineBytes("mnist-logreg.onnx"), "down") }))],
  ["GET /api/v1/health", () => health()],
];

describe("the API while PostgreSQL is down", () => {
  it("answers normally through the proxy while PostgreSQL is up", async () => {
    expect((await model(get(`/api/v1/models/${slug}`), params({ slug }))).status).toBe(200);
  });

  it("answers 503 with a JSON error and Retry-After on every route, saying nothing secret", async () => {
    const logged: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
    clearBadgeCache();
    await proxy.stop();
    try {
      for (const [name, call] of ROUTES) {
        const response = await call();
        const text = await response.text();
        expect(response.status, `${name}: ${text}`).toBe(503);
        expect(response.headers.get("content-type"), name).toMatch(/^application\/json/);
        expect(text, name).not.toContain(PASSWORD);
        const body = JSON.parse(text);
        if (name === "GET /api/v1/health") {
          // On the PostgreSQL backend the queue lives in the database that is down, so it is down too.
          const queueDown = process.env.FRUGAL_QUEUE !== "redis";
          expect(body).toMatchObject({ status: "degraded", queue: queueDown ? expect.stringMatching(/^(?!ok$)/) : "ok" });
          expect(body.database).toMatch(/Can't reach database server|ECONNREFUSED|Connection terminated/);
        } else {
          expect(body.error, name).toEqual({ code: "service_unavailable", message: "The database is unavailable; try again in a minute." });
          expect(response.headers.get("retry-after"), name).toBe("30");
        }
      }
      const svg = await badgeSvg(get(`/badge/${slug}/mnist.svg`), params({ slug, task: "mnist.svg" }));
      expect({ status: svg.status, type: svg.headers.get("content-type") }).toEqual({ status: 503, type: "image/svg+xml; charset=utf-8" });
      expect(await svg.text()).toContain("unavailable");
      const json = await badgeJson(get(`/api/v1/badges/${slug}/mnist`), params({ slug, task: "mnist" }));
      expect(json.status).toBe(503);
      expect(await json.json()).toMatchObject({ schemaVersion: 1, message: "unavailable" });
    } finally {
      vi.restoreAllMocks();
    }
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.join("\n")).not.toContain(PASSWORD);
    expect(logged.join("\n")).not.toContain("Invalid `"); // Prisma's code frame stays out of the logs
  });

  it("answers again as soon as PostgreSQL is back, without a restart", async () => {
    await proxy.start();
    expect((await model(get(`/api/v1/models/${slug}`), params({ slug }))).status).toBe(200);
    const created = await submit(submissionRequest({ token, model: uniqueSlug("back"), task: "mnist", file: distinctCopy(baselineBytes("mnist-logreg.onnx"), "back") }));
    expect(created.status).toBe(201);
    expect((await health()).status).toBe(200);
  });
});
