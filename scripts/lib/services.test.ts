import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveDatabase } from "../../lib/db/lifecycle";
import { migrateDatabase } from "../../lib/db/migrate";
import { ensureRedis } from "./services";

// Port 9 (discard) is closed on these machines: nothing answers there.
const DEAD_POSTGRES = "postgresql://postgres:hunter2@127.0.0.1:9/frugalboard";
const DEAD_REDIS = "redis://:hunter2@127.0.0.1:9";
const root = mkdtempSync(join(tmpdir(), "frugal-services-"));

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("configured services that do not answer", () => {
  it("DATABASE_URL: the error names it (password masked) and the embedded PostgreSQL is not started instead", async () => {
    const error = await resolveDatabase(root, { DATABASE_URL: DEAD_POSTGRES }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(/^PostgreSQL is not reachable at postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:9\/frugalboard \(DATABASE_URL\)/);
    expect(message).toContain("unset it to use the embedded PostgreSQL");
    expect(message).not.toContain("hunter2");
    expect(existsSync(join(root, ".frugalboard"))).toBe(false); // no silent switch
  });

  it("REDIS_URL: the error names it (password masked) and says how to run the queue without it", async () => {
    const error = await ensureRedis(DEAD_REDIS).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(/^Redis is not reachable at redis:\/\/:\*\*\*@127\.0\.0\.1:9 \(REDIS_URL\)/);
    expect(message).toContain("unset REDIS_URL and FRUGAL_QUEUE to run the queue in PostgreSQL");
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
