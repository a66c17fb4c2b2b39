// The Prisma client: the query compiler (no native engine) over node-postgres.
import { PrismaPg } from "@prisma/adapter-pg";
import { getEnv } from "../env";
import { PrismaClient } from "./generated/client";
import { createPool } from "./pool";

export type Db = PrismaClient;

const globalForDb = globalThis as unknown as { frugalDb?: PrismaClient };

export function createDb(databaseUrl: string): PrismaClient {
  // A short connection timeout, so a missing database is reported in seconds instead of hanging requests.
  const pool = createPool({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000, max: 10 });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return new PrismaClient({ adapter });
}

/** One client per process (Next.js dev reloads modules; the global keeps it from leaking connections). */
export function getDb(): PrismaClient {
  globalForDb.frugalDb ??= createDb(getEnv().DATABASE_URL);
  return globalForDb.frugalDb;
}

/** For tests that point this process's client at another server (a proxy they stop and start): the next getDb() makes a new one. */
export async function resetDbForTests(): Promise<void> {
  await globalForDb.frugalDb?.$disconnect();
  globalForDb.frugalDb = undefined;
}

export { Prisma, SubmissionStatus, Role } from "./generated/client";
