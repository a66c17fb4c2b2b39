// Which PostgreSQL the site uses, decided once: DATABASE_URL set → that server (unreachable → an error naming it,
// never a switch to the embedded one); unset → the checkout's embedded PostgreSQL, started here or found running.
// The URL it resolves goes to Prisma, the migrations, BullMQ's PostgreSQL backend and the child processes.
import pg from "pg";
import { redactSecrets, redactUrl } from "../log/redact";
import { startEmbeddedPostgres } from "./embedded-postgres";

export interface ResolvedDatabase {
  url: string;
  /** The embedded cluster's data folder; null for a configured DATABASE_URL. */
  embeddedDir: string | null;
  /** Milliseconds the embedded server took to answer (0 for a configured server). */
  startMs: number;
  /** Stops the embedded server when this process started it; a no-op otherwise. */
  stop(): Promise<void>;
}

/** Throws, naming the server (password masked) and what to do, when PostgreSQL does not answer at url. */
export async function assertPostgresAnswers(url: string): Promise<void> {
  const target = new URL(url);
  target.pathname = "/postgres"; // the database itself may not exist yet: the migrations create it
  const client = new pg.Client({ connectionString: target.toString(), connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${redactUrl(url)} (DATABASE_URL): ${redactSecrets((error as Error).message)}. ` +
        "Start that server, or fix DATABASE_URL; unset it to use the embedded PostgreSQL instead.",
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function resolveDatabase(root: string, env: Record<string, string | undefined> = process.env): Promise<ResolvedDatabase> {
  const configured = env.DATABASE_URL;
  if (configured) {
    await assertPostgresAnswers(configured);
    return { url: configured, embeddedDir: null, startMs: 0, stop: async () => undefined };
  }
  const cluster = await startEmbeddedPostgres(root);
  return { url: cluster.url, embeddedDir: cluster.dataDir, startMs: cluster.startMs, stop: cluster.stop };
}

/** The variables child processes (web, worker, seed) need to use the resolved database. */
export function databaseEnv(database: ResolvedDatabase): Record<string, string> {
  return database.embeddedDir ? { DATABASE_URL: database.url, FRUGAL_EMBEDDED_PG_DIR: database.embeddedDir } : { DATABASE_URL: database.url };
}
