// The embedded PostgreSQL's life in a checkout, with the real binaries from npm: first start, restart, a second
// checkout, a killed run's postmaster.pid, and the folders and platforms it cannot use.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { assertDataDirOwner, embeddedBinaries, startEmbeddedPostgres, type EmbeddedCluster } from "./embedded-postgres";
import { runAs } from "./run-as";

const roots: string[] = [];
const running: EmbeddedCluster[] = [];

/** A checkout of its own: a folder the user PostgreSQL runs as can reach (mkdtemp makes it 0700). */
function checkout(): string {
  const root = mkdtempSync(join(tmpdir(), "frugal-embedded-"));
  chmodSync(root, 0o755);
  roots.push(root);
  return root;
}

async function start(root: string): Promise<EmbeddedCluster> {
  const cluster = await startEmbeddedPostgres(root);
  running.push(cluster);
  return cluster;
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Until the process is gone (or a zombie nobody has reaped yet). */
async function waitUntilGone(pid: number): Promise<void> {
  for (;;) {
    try {
      process.kill(pid, 0);
      if (readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ")) return;
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

afterAll(async () => {
  for (const cluster of running) await cluster.stop().catch(() => undefined);
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe("the embedded PostgreSQL", () => {
  it("initialises on the first start and finds its data, on the same port, after a restart", async () => {
    const root = checkout();
    const first = await start(root);
    expect(first.startedHere).toBe(true);
    expect(existsSync(join(root, ".frugalboard", "postgres", "PG_VERSION"))).toBe(true);
    const [{ version }] = await query<{ version: string }>(first.url, "SELECT version()");
    expect(version).toMatch(/^PostgreSQL 1[3-9]/);
    await query(first.url, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)");
    await first.stop();

    const second = await start(root);
    expect(second.port).toBe(first.port);
    expect(await query(second.url, "SELECT n FROM kept")).toEqual([{ n: 42 }]);
    console.log(`[embedded] first start (initdb included) ${first.startMs} ms, restart ${second.startMs} ms`);
  });

  it("gives a second checkout its own cluster on its own port, and finds a running one instead of starting twice", async () => {
    const [a, b] = [await start(checkout()), await start(checkout())];
    expect(a.port).not.toBe(b.port);
    await query(a.url, "CREATE TABLE only_in_a (n int)");
    expect(await query(b.url, "SELECT to_regclass('only_in_a') AS t")).toEqual([{ t: null }]);
    const again = await startEmbeddedPostgres(join(a.dataDir, "..", ".."));
    expect({ startedHere: again.startedHere, port: again.port }).toEqual({ startedHere: false, port: a.port });
  });

  it("recovers from a killed run's postmaster.pid, even one naming a live process that is not PostgreSQL", async () => {
    const root = checkout();
    const cluster = await start(root);
    await query(cluster.url, "CREATE TABLE survived (n int); INSERT INTO survived VALUES (7)");
    const pidFile = join(cluster.dataDir, "postmaster.pid");
    const postmaster = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
    process.kill(postmaster, "SIGKILL");
    await waitUntilGone(postmaster);
    expect(existsSync(pidFile)).toBe(true);
    // As if the killed server's pid had been reused by another process: this one.
    writeFileSync(pidFile, readFileSync(pidFile, "utf8").replace(/^\d+/, String(process.pid)));

    const restarted = await start(root);
    expect(restarted.startedHere).toBe(true);
    expect(await query(restarted.url, "SELECT n FROM survived")).toEqual([{ n: 7 }]);
  });

  it("refuses a data folder that belongs to someone else, saying how to give it back", () => {
    const dataDir = join(checkout(), ".frugalboard", "postgres");
    mkdirSync(dataDir, { recursive: true });
    const postgresUser = runAs();
    const stranger = { name: "someone", uid: postgresUser.uid + 1, gid: postgresUser.gid };
    expect(() => assertDataDirOwner(dataDir, stranger)).toThrow(
      new RegExp(`data folder ${dataDir} belongs to uid \\d+, but PostgreSQL runs as someone \\(uid ${stranger.uid}\\)\\. Give it back with \`chown -R someone ${dataDir}\``),
    );
    expect(() => assertDataDirOwner(dataDir, { ...postgresUser, uid: statSync(dataDir).uid })).not.toThrow();
  });

  it("says what to do on a platform with no binaries", () => {
    expect(() => embeddedBinaries("sunos", "x64")).toThrow(
      "The embedded PostgreSQL has no binaries for sunos-x64: set DATABASE_URL to a PostgreSQL 13+ server you run (see README, Scale out).",
    );
    expect(() => embeddedBinaries("linux", "riscv64")).toThrow(/no binaries for linux-riscv64/);
  });
});
