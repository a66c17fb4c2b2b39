// Creates the database when missing and applies the committed migrations with the Prisma CLI, on the offline
// route: the WebAssembly schema engine through prisma.config.ts (see prisma/migrate-adapter.ts).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import pg from "pg";
import { redactUrl } from "../log/redact";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Connects to the server's maintenance database and creates the target database if it does not exist. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[\w-]+$/.test(name)) throw new Error(`DATABASE_URL names the database "${name}": use letters, digits, '_' or '-'.`);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${redactUrl(databaseUrl)} (${(error as Error).message}). ` +
        "Start PostgreSQL (or `docker compose up -d --wait`) or set DATABASE_URL.",
    );
  }
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/**
 * Runs `prisma migrate deploy` against databaseUrl; rejects with the CLI's output when it fails. BullMQ's own
 * migrations (the queue on PostgreSQL) run beside it: migrateAll, and on a queue's first use (lib/queue/backend.ts).
 */
export async function migrateDatabase(databaseUrl: string): Promise<void> {
  await ensureDatabase(databaseUrl);
  const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  const preload = join(projectRoot, "prisma", "unref-engine-timers.cjs");
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ["--require", preload, prismaCli, "migrate", "deploy"], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) throw new Error(`Database migration failed (prisma migrate deploy exited ${code}):\n${output.join("").trim()}`);
}
