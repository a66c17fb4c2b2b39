// Where the tests put their data: a database, a queue prefix and an e2e port of their own, derived from the
// checkout's path, so two checkouts on one machine (a clone being checked beside the working copy) never share
// rows, jobs or ports. TEST_DATABASE_URL / E2E_PORT override.
import { createHash } from "node:crypto";

const checkoutId = createHash("sha256").update(process.cwd()).digest("hex").slice(0, 8);
const server = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432";

export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? `${server}/frugalboard_test_${checkoutId}`;
export const e2eDatabaseUrl = process.env.E2E_DATABASE_URL ?? `${server}/frugalboard_e2e_${checkoutId}`;
export const testQueuePrefix = `frugal-test-${checkoutId}`;
export const e2eQueuePrefix = `frugal-e2e-${checkoutId}`;
const derivedPort = 3100 + (parseInt(checkoutId.slice(0, 4), 16) % 800);
// Chromium refuses to load pages from its restricted ports (net/base/port_util.cc); 3659 is the one in 3100–3899.
export const e2ePort = Number(process.env.E2E_PORT ?? (derivedPort === 3659 ? 3660 : derivedPort));
/**
 * What one integration test file has of its own (lib/testing/isolate-file.ts): a database copied from the migrated
 * testDatabaseUrl (the template), and a queue prefix, both named from the file's path.
 */
export function isolationOf(testFile: string): { databaseUrl: string; queuePrefix: string } {
  const fileId = createHash("sha256").update(testFile).digest("hex").slice(0, 8);
  const url = new URL(testDatabaseUrl);
  url.pathname = `${url.pathname}_${fileId}`;
  return { databaseUrl: url.toString(), queuePrefix: `${testQueuePrefix}-${fileId}` };
}
/** In an integration test file: the database isolate-file.ts made for it (read before a test points DATABASE_URL elsewhere). */
export function fileDatabaseUrl(): string {
  const url = process.env.DATABASE_URL ?? "";
  if (!url.startsWith(`${testDatabaseUrl}_`)) throw new Error("Run integration tests in the int project (vitest --project int): its set-up gives each file a database.");
  return url;
}
/** The Redis the queue tests' Redis half uses (scripts/test.ts may start one and set TEST_REDIS_URL). */
export const redisUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
/** The queue backend of tests that do not run on both (the default of a fresh machine: PostgreSQL). */
export const defaultTestQueue = process.env.FRUGAL_QUEUE === "redis" ? "redis" : "postgres";
