// The e2e server: an empty database of its own, then exactly what `npm start` runs.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { e2eDatabaseUrl, e2ePort, e2eQueuePrefix } from "../lib/testing/test-env";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const database = new URL(e2eDatabaseUrl).pathname.slice(1);
const server = new URL(e2eDatabaseUrl);
server.pathname = "/postgres";

async function resetDatabase(): Promise<void> {
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  await resetDatabase();
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "scripts", "start.ts")], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: e2eDatabaseUrl,
      PORT: String(e2ePort),
      FRUGAL_QUEUE_PREFIX: e2eQueuePrefix,
      FRUGAL_WINDOWS: "3",
      FRUGAL_WINDOW_S: "0.2",
      FRUGAL_IDLE_S: "0.2",
      // The mnist baselines are enough for the boards the browser tests read, and keep the queue short.
      FRUGAL_SEED_TASKS: "mnist",
      // Every browser test signs in from this one address; the limit itself is tested in accounts.int.test.ts.
      FRUGAL_SIGNIN_ATTEMPTS: "100",
      // Idle calibration would take CPU from the browser tests; worker/calibration.int.test.ts tests it.
      FRUGAL_CALIBRATE: "0",
    },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 1));
}

main().catch((error: Error) => {
  console.error(`[e2e] ${error.message}`);
  process.exit(1);
});
