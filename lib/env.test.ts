import { afterEach, describe, expect, it } from "vitest";
import { getEnv, resetEnvForTests } from "./env";

const saved = { ...process.env };

afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

describe("getEnv", () => {
  it("fills every default when nothing is set", () => {
    delete process.env.DATABASE_URL;
    delete process.env.REDIS_URL;
    delete process.env.PORT;
    resetEnvForTests();
    expect(getEnv()).toMatchObject({
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/frugalboard",
      REDIS_URL: "redis://127.0.0.1:6379",
      PORT: 3000,
    });
  });

  it("refuses bad config at start-up with one message naming each variable and what it must be", () => {
    process.env.DATABASE_URL = "mysql://root@localhost/frugal";
    process.env.PORT = "http";
    process.env.FRUGAL_QUEUE_PREFIX = "bad prefix!";
    resetEnvForTests();
    let message = "";
    try {
      getEnv();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("Invalid configuration (see .env.example)");
    expect(message).toMatch(/DATABASE_URL: must be a PostgreSQL URL/);
    expect(message).toMatch(/PORT:/);
    expect(message).toMatch(/FRUGAL_QUEUE_PREFIX: letters, digits/);
  });
});
