import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "../env";
import { AppError } from "../errors";
import { closeQueues, enqueueBenchmark } from "./get-queue";

const saved = process.env.REDIS_URL;

afterEach(async () => {
  await closeQueues();
  process.env.REDIS_URL = saved;
  resetEnvForTests();
});

describe("enqueue without Redis", () => {
  it("throws service_unavailable naming Redis and what to do, instead of silently doing nothing", async () => {
    process.env.REDIS_URL = "redis://127.0.0.1:9";
    resetEnvForTests();
    const error = await enqueueBenchmark("some-submission").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("service_unavailable");
    expect((error as AppError).message).toMatch(/Redis is not reachable at redis:\/\/127\.0\.0\.1:9 .*Start Redis or set REDIS_URL/);
  });
});
