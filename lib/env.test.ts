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
    delete process.env.FRUGAL_QUEUE;
    resetEnvForTests();
    expect(getEnv()).toMatchObject({ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/frugalboard", PORT: 3000 });
    // No Redis unless one is configured: the queue then runs in PostgreSQL (lib/queue/backend.ts).
    expect(getEnv().REDIS_URL).toBeUndefined();
    expect(getEnv().FRUGAL_QUEUE).toBeUndefined();
  });

  it("refuses bad config at start-up with one message naming each variable and what it must be", () => {
    process.env.DATABASE_URL = "mysql://root@localhost/frugal";
    process.env.PORT = "http";
    process.env.FRUGAL_QUEUE_PREFIX = "bad prefix!";
    process.env.FRUGAL_QUEUE = "rabbitmq";
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
    expect(message).toMatch(/FRUGAL_QUEUE: must be postgres or redis/);
  });

  it("limits default to 20 submissions a day and 10 sign-ins per 15 minutes, and bad limits are refused by name", () => {
    for (const name of ["FRUGAL_SUBMISSIONS_PER_DAY", "FRUGAL_SIGNIN_ATTEMPTS", "FRUGAL_SIGNIN_WINDOW_S", "FRUGAL_TRUST_PROXY"]) delete process.env[name];
    resetEnvForTests();
    expect(getEnv()).toMatchObject({ FRUGAL_SUBMISSIONS_PER_DAY: 20, FRUGAL_SIGNIN_ATTEMPTS: 10, FRUGAL_SIGNIN_WINDOW_S: 900, FRUGAL_TRUST_PROXY: "false" });

    process.env.FRUGAL_SUBMISSIONS_PER_DAY = "0";
    process.env.FRUGAL_SIGNIN_ATTEMPTS = "ten";
    process.env.FRUGAL_SIGNIN_WINDOW_S = "1.5";
    process.env.FRUGAL_TRUST_PROXY = "yes";
    resetEnvForTests();
    expect(() => getEnv()).toThrow(/FRUGAL_SUBMISSIONS_PER_DAY: must be at least 1/);
    const message = (() => {
      try {
        getEnv();
        return "";
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/FRUGAL_SIGNIN_ATTEMPTS: must be a whole number/);
    expect(message).toMatch(/FRUGAL_SIGNIN_WINDOW_S: must be a whole number of seconds/);
    expect(message).toMatch(/FRUGAL_TRUST_PROXY: must be true or false/);
  });
});
