import { describe, expect, it } from "vitest";
import { migrateDatabase } from "../../lib/db/migrate";
import { ensureServices } from "./services";

// Port 9 (discard) is closed on these machines: nothing answers there.
const DEAD_POSTGRES = "postgresql://postgres:hunter2@127.0.0.1:9/frugalboard";
const DEAD_REDIS = "redis://127.0.0.1:9";

describe("missing services", () => {
  it("say which service is missing, where it was looked for, and how to get it — without the password", async () => {
    const error = await ensureServices(DEAD_POSTGRES, DEAD_REDIS).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain("PostgreSQL at postgresql://postgres:***@127.0.0.1:9/frugalboard");
    expect(message).toContain("Redis at redis://127.0.0.1:9");
    expect(message).toContain("docker compose up -d --wait");
    expect(message).toContain("DATABASE_URL and REDIS_URL");
    expect(message).not.toContain("hunter2");
  });

  it("a migration against an unreachable database fails with the same advice", async () => {
    const error = await migrateDatabase(DEAD_POSTGRES).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/PostgreSQL is not reachable at postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:9\/frugalboard/);
    expect((error as Error).message).toContain("set DATABASE_URL");
  });

  it("a database name that could inject SQL is refused before any connection", async () => {
    const error = await migrateDatabase('postgresql://postgres@127.0.0.1:9/x";DROP').catch((e: Error) => e);
    expect((error as Error).message).toContain("use letters, digits");
  });
});
