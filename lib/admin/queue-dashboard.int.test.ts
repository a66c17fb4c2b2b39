// The queue dashboard as scripts/web-server.ts serves it, over real HTTP: who gets in, and which changes are refused.
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "../db/client";
import { QUEUE_NAMES } from "../queue/contracts";
import { closeQueues, emptyBenchmarkQueue, enqueueBenchmark, getQueue } from "../queue/get-queue";
import { signUpUser, type TestUser } from "../testing/accounts";
import { startServer, type RunningServer } from "../testing/http-server";
import { describeEachQueueBackend } from "../testing/queue-backends";
import { createQueueDashboard } from "./queue-dashboard";

const db = getDb();
let server: RunningServer;
let admin: TestUser;
let user: TestUser;

beforeAll(async () => {
  admin = await signUpUser(db, "qadmin", { admin: true });
  user = await signUpUser(db, "quser");
});

afterAll(async () => {
  await closeQueues();
  await db.$disconnect();
});

function get(path: string, cookie?: string) {
  return fetch(`${server.url}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
}

function put(path: string, cookie: string, headers: Record<string, string>) {
  return fetch(`${server.url}${path}`, { method: "PUT", redirect: "manual", headers: { cookie, ...headers } });
}

// bull-board reads the queue through BullMQ's own API, so the same dashboard serves both backends.
describeEachQueueBackend("/admin/queues", () => {
  beforeAll(async () => {
    server = await startServer(createQueueDashboard(db));
  });

  afterAll(() => server.close());

  it("serves the bull-board page and its API to an admin, listing the queue's jobs", async () => {
    await emptyBenchmarkQueue();
    await enqueueBenchmark("dashboard-sees-me");
    const page = await get("/admin/queues", admin.cookie);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<base href="/admin/queues/" />');
    const api = await (await get("/admin/queues/api/queues?activeQueue=benchmark", admin.cookie)).json();
    expect(api.queues.map((q: { name: string }) => q.name)).toEqual([QUEUE_NAMES.benchmark]);
    const waiting = await (await get("/admin/queues/api/queues?activeQueue=benchmark&status=waiting", admin.cookie)).json();
    expect(waiting.queues[0].counts.waiting).toBe(1);
    expect(waiting.queues[0].jobs.map((job: { id: string }) => job.id)).toEqual(["dashboard-sees-me"]);
    await emptyBenchmarkQueue();
  });

  it("sends the anonymous to sign in, refuses their changes with 401, and a plain user with 403", async () => {
    const anonymous = await get("/admin/queues");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toBe("/signin?next=%2Fadmin%2Fqueues");
    const change = await fetch(`${server.url}/admin/queues/api/queues/benchmark/pause`, { method: "PUT" });
    expect(change.status).toBe(401);
    const forbidden = await get("/admin/queues/static/js/main.js", user.cookie);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.text()).toBe("The queue dashboard is for administrators only.");
    // A made-up or ended session is nobody.
    expect((await get("/admin/queues", "frugal_session=made-up-session-id-0000000000")).status).toBe(302);
  });

  it("refuses an admin's change that another site triggered (CSRF), and takes one from the dashboard's own page", async () => {
    const queue = await getQueue(QUEUE_NAMES.benchmark);
    const crossSite = await put("/admin/queues/api/queues/benchmark/pause", admin.cookie, { origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.text()).toContain("cross-site");
    expect(await put("/admin/queues/api/queues/benchmark/pause", admin.cookie, {}).then((r) => r.status)).toBe(403);
    expect(await queue.isPaused()).toBe(false);

    const own = await put("/admin/queues/api/queues/benchmark/clean/completed", admin.cookie, { "sec-fetch-site": "same-origin" });
    expect(own.status).toBe(200);
  });

  it("leaves every other path to the next handler", async () => {
    expect((await get("/admin/queuesX", admin.cookie)).status).toBe(404);
    expect((await get("/api/v1/health", admin.cookie)).status).toBe(404);
  });
});
