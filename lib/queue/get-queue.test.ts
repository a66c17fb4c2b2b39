import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "../env";
import { AppError } from "../errors";
import { describeQueueBackend, queueBackendOf, queueSchemaOf } from "./backend";
import { closeQueues, enqueueBenchmark } from "./get-queue";

const saved = { ...process.env };

afterEach(async () => {
  await closeQueues();
  process.env = { ...saved };
  resetEnvForTests();
});

function configure(vars: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(vars)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvForTests();
}

describe("choosing the queue backend", () => {
  it("is PostgreSQL with nothing set, Redis once REDIS_URL is set, and FRUGAL_QUEUE overrides both ways", () => {
    expect(queueBackendOf({ FRUGAL_QUEUE: undefined, REDIS_URL: undefined })).toBe("postgres");
    expect(queueBackendOf({ FRUGAL_QUEUE: undefined, REDIS_URL: "redis://cache:6379" })).toBe("redis");
    expect(queueBackendOf({ FRUGAL_QUEUE: "postgres", REDIS_URL: "redis://cache:6379" })).toBe("postgres");
    expect(queueBackendOf({ FRUGAL_QUEUE: "redis", REDIS_URL: undefined })).toBe("redis");
  });

  it("keeps each queue prefix in a PostgreSQL schema of its own, with a name PostgreSQL accepts", () => {
    expect(queueSchemaOf("frugal")).toBe("bullmq_frugal");
    expect(queueSchemaOf("frugal-test-1a2b:x")).toBe("bullmq_frugal_test_1a2b_x");
  });

  it("says which backend it uses without a credential", () => {
    configure({ FRUGAL_QUEUE: undefined, REDIS_URL: "redis://:hunter2secret@cache:6379" });
    expect(describeQueueBackend()).toBe("redis at redis://:***@cache:6379");
    configure({ FRUGAL_QUEUE: "postgres" });
    expect(describeQueueBackend()).toMatch(/^postgres \(schema bullmq_\w+ in the site's database\)$/);
  });
});

describe("enqueue with the queue's datastore down", () => {
  it("throws service_unavailable naming Redis and what to do, instead of silently doing nothing", async () => {
    configure({ FRUGAL_QUEUE: "redis", REDIS_URL: "redis://127.0.0.1:9" });
    const error = await enqueueBenchmark("some-submission").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("service_unavailable");
    expect((error as AppError).message).toMatch(/Redis is not reachable at redis:\/\/127\.0\.0\.1:9 .*Start Redis or set REDIS_URL/);
  });

  it("throws service_unavailable naming the PostgreSQL URL (password masked), never falling back to Redis", async () => {
    configure({ FRUGAL_QUEUE: undefined, REDIS_URL: undefined, DATABASE_URL: "postgresql://app:hunter2secret@127.0.0.1:9/frugalboard" });
    const error = await enqueueBenchmark("some-submission").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("service_unavailable");
    expect((error as AppError).message).toMatch(
      /^The job queue's PostgreSQL is not reachable at postgresql:\/\/app:\*\*\*@127\.0\.0\.1:9\/frugalboard .*Start PostgreSQL or set DATABASE_URL\.$/,
    );
    expect((error as AppError).message).not.toContain("hunter2secret");
  });
});
