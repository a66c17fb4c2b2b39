// The Prisma client: the query compiler (no native engine) over node-postgres.
import { PrismaPg } from "@prisma/adapter-pg";
import { getEnv } from "../env";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

const globalForDb = globalThis as unknown as { frugalDb?: PrismaClient };

export function createDb(databaseUrl: string): PrismaClient {
  // A short connection timeout, so a missing database is reported in seconds instead of hanging requests.
  const adapter = new PrismaPg({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000, max: 10 });
  return new PrismaClient({ adapter });
}

/** One client per process (Next.js dev reloads modules; the global keeps it from leaking connections). */
export function getDb(): PrismaClient {
  globalForDb.frugalDb ??= createDb(getEnv().DATABASE_URL);
  return globalForDb.frugalDb;
}

export { Prisma, SubmissionStatus, Role } from "./generated/client";
