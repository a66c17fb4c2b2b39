// The Redis of the queue tests' Redis half: one that answers (TEST_REDIS_URL, REDIS_URL or 127.0.0.1:6379), else a
// redis-server from the PATH on a free port for this run, else none — which CI (required) refuses.
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { redisProblem } from "../../lib/queue/redis";

export interface TestRedis {
  url: string | null;
  /** Where it came from, for the log line. */
  origin: string;
  /** Why there is none, in the words of the summary line. */
  missing: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startTestRedis(required: boolean): Promise<TestRedis> {
  const configured = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const none = async () => undefined;
  if (!(await redisProblem(configured))) return { url: configured, origin: "answering", missing: "", stop: none };
  if (spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0) {
    const port = await freePort();
    const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    const url = `redis://127.0.0.1:${port}`;
    for (let i = 0; i < 50 && (await redisProblem(url)); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    const stop = async () => void child.kill("SIGTERM");
    if (!(await redisProblem(url))) return { url, origin: `redis-server started on port ${port}`, missing: "", stop };
    await stop();
  }
  const missing = "no Redis here";
  if (required) throw new Error(`CI runs the queue tests on both backends, and no Redis answers at ${configured} nor is redis-server on the PATH (${missing}).`);
  return { url: null, origin: "", missing, stop: none };
}
