// Secrets never reach a log or an answer: API tokens (good, bad, malformed), a DATABASE_URL and a REDIS_URL with
// passwords when the services fail, and the worker's start-up. Everything written to the console and to
// stdout/stderr is captured; the web server's start-up is checked in e2e/hardening.spec.ts.
import { spawn } from "node:child_process";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { distinctCopy } from "@/benchmarks/onnx/testing/distinct-copy";
import { getDb, resetDbForTests } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { closeQueues } from "@/lib/queue/get-queue";
import { baselineBytes, newResearcher, submissionRequest, uniqueSlug } from "@/lib/testing/fixtures";
import { fileDatabaseUrl } from "@/lib/testing/test-env";
import { GET as health } from "./health/route";
import { GET as model } from "./models/[slug]/route";
import { POST as submit } from "./submissions/route";

const databaseUrl = fileDatabaseUrl();
const DB_PASSWORD = "Db-Pa55word-never-logged";
const REDIS_PASSWORD = "Redis-Pa55word-never-logged";
// Port 9 (discard) is closed on these machines.
const DEAD_DATABASE_URL = `postgresql://app:${DB_PASSWORD}@127.0.0.1:9/frugalboard`;
const DEAD_REDIS_URL = `redis://:${REDIS_PASSWORD}@127.0.0.1:9`;
const saved = { database: process.env.DATABASE_URL, redis: process.env.REDIS_URL, queue: process.env.FRUGAL_QUEUE };
let captured: string[] = [];

function capture(): void {
  captured = [];
  const keep = (...args: unknown[]) => void captured.push(args.map((a) => (a instanceof Error ? `${a.stack}` : String(a))).join(" "));
  for (const method of ["log", "info", "warn", "error", "debug"] as const) vi.spyOn(console, method).mockImplementation(keep);
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, "write").mockImplementation(((chunk: unknown) => {
      captured.push(String(chunk));
      return true;
    }) as typeof stream.write);
  }
}

afterEach(() => vi.restoreAllMocks());

afterAll(async () => {
  process.env.DATABASE_URL = saved.database;
  process.env.REDIS_URL = saved.redis;
  process.env.FRUGAL_QUEUE = saved.queue;
  resetEnvForTests();
  await resetDbForTests();
  await closeQueues();
});

describe("API tokens", () => {
  let token: string;
  beforeAll(async () => {
    token = await newResearcher(getDb(), "secrets");
  });

  it("are not logged when they work, when they are wrong, or when they are malformed", async () => {
    const wrong = "fb_ThisTokenIsWrongButSecret0123456789";
    capture();
    const file = () => distinctCopy(baselineBytes("mnist-logreg.onnx"), uniqueSlug("secret"));
    const answers = [
      await submit(submissionRequest({ token, model: uniqueSlug("secret"), task: "mnist", file: file() })),
      await submit(submissionRequest({ token: wrong, model: uniqueSlug("secret"), task: "mnist", file: file() })),
      await submit(new Request("http://localhost/api/v1/submissions", { method: "POST", headers: { authorization: `Bearer ${wrong} extra` } })),
      await submit(new Request("http://localhost/api/v1/submissions", { method: "POST", headers: { authorization: `Basic ${Buffer.from(`u:${wrong}`).toString("base64")}` } })),
    ];
    expect(answers.map((a) => a.status)).toEqual([201, 401, 401, 401]);
    const bodies = await Promise.all(answers.map((a) => a.text()));
    vi.restoreAllMocks();
    for (const secret of [token, wrong]) {
      expect(captured.join("\n")).not.toContain(secret);
      expect(bodies.join("\n")).not.toContain(secret);
    }
  });
});

describe("service URLs with passwords", () => {
  beforeAll(async () => {
    process.env.DATABASE_URL = DEAD_DATABASE_URL;
    process.env.REDIS_URL = DEAD_REDIS_URL;
    process.env.FRUGAL_QUEUE = "redis";
    resetEnvForTests();
    await resetDbForTests();
    await closeQueues();
  });

  it("are not logged or answered when PostgreSQL and Redis cannot be reached", async () => {
    capture();
    const answers = [
      await model(new Request("http://localhost/api/v1/models/x"), { params: Promise.resolve({ slug: "some-model" }) }),
      await submit(submissionRequest({ token: "fb_anything-at-all-1234", model: "some-model", task: "mnist" })),
      await health(),
    ];
    const bodies = await Promise.all(answers.map((a) => a.text()));
    vi.restoreAllMocks();
    expect(answers.map((a) => a.status)).toEqual([503, 503, 503]);
    // The health check says where it looked, masked.
    expect(bodies[2]).toContain("redis://:***@127.0.0.1:9");
    expect(bodies[2]).toContain("postgresql://app:***@127.0.0.1:9/frugalboard");
    expect(captured.length).toBeGreaterThan(0);
    for (const secret of [DB_PASSWORD, REDIS_PASSWORD]) {
      expect(captured.join("\n")).not.toContain(secret);
      expect(bodies.join("\n")).not.toContain(secret);
    }
  });
});

/** Runs `npm run worker` for a few seconds with the given URLs; returns everything it wrote. */
function workerOutput(env: Record<string, string>, untilText: string): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "worker/main.ts"], {
      env: { ...process.env, ...env, FRUGAL_WORKER_OUTAGE_FIRST_MS: "200", FRUGAL_WORKER_RECONCILE_MS: "500" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const stop = () => child.kill("SIGKILL");
    const timer = setTimeout(stop, 20_000);
    for (const stream of [child.stdout, child.stderr]) {
      stream.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes(untilText)) stop();
      });
    }
    child.on("exit", () => {
      clearTimeout(timer);
      resolve(output);
    });
  });
}

describe("the worker's start-up and its errors", () => {
  it("waits for an unreachable PostgreSQL without logging its password", async () => {
    const output = await workerOutput({ DATABASE_URL: DEAD_DATABASE_URL }, "trying again in 0.4 s");
    expect(output).toContain("registering the worker: PostgreSQL is unavailable");
    expect(output).not.toContain(DB_PASSWORD);
  });

  it("names an unreachable Redis with its password masked", async () => {
    const output = await workerOutput({ DATABASE_URL: databaseUrl, REDIS_URL: DEAD_REDIS_URL, FRUGAL_QUEUE: "redis" }, " ready (profile");
    expect(output).toContain("ready");
    expect(output).toContain("redis://:***@127.0.0.1:9");
    expect(output).not.toContain(REDIS_PASSWORD);
  });
});
