// The e2e server: an empty database of its own, then exactly what `npm start` runs.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const database = "frugalboard_e2e";
const server = process.env.E2E_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function resetDatabase(): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

await resetDatabase();
const url = new URL(server);
url.pathname = `/${database}`;
const child = spawn(process.execPath, ["--import", "tsx", join(root, "scripts", "start.ts")], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: url.toString(),
    PORT: process.env.E2E_PORT ?? "3100",
    FRUGAL_QUEUE_PREFIX: `frugal-e2e-${process.pid}`,
    FRUGAL_WINDOWS: "3",
    FRUGAL_WINDOW_S: "0.2",
    FRUGAL_IDLE_S: "0.2",
  },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 1));
