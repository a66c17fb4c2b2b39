// PostgreSQL and Redis for `npm start` and `npm test`: reuse them where reachable, else bring them up with
// Docker Compose where a Docker engine runs, else stop with a message that says how to get them.
import { spawnSync } from "node:child_process";
import { ensureDatabase } from "../../lib/db/migrate";
import { redactUrl } from "../../lib/log/redact";
import { redisProblem } from "../../lib/queue/redis";

/** No Redis to check when the queue runs on PostgreSQL (redisUrl undefined). */
const redisAnswers = async (url: string | undefined) => (url ? redisProblem(url) : null);

async function postgresAnswers(url: string): Promise<string | null> {
  try {
    await ensureDatabase(url);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

function dockerEngineRuns(): boolean {
  return spawnSync("docker", ["info"], { stdio: "ignore", timeout: 10_000 }).status === 0;
}

export async function ensureServices(databaseUrl: string, redisUrl: string | undefined): Promise<void> {
  let pgProblem = await postgresAnswers(databaseUrl);
  let redisProblem = await redisAnswers(redisUrl);
  if (!pgProblem && !redisProblem) return;

  if (dockerEngineRuns()) {
    console.log("Starting PostgreSQL and Redis with `docker compose up -d --wait` …");
    const up = spawnSync("docker", ["compose", "up", "-d", "--wait"], { stdio: "inherit" });
    if (up.status === 0) {
      pgProblem = await postgresAnswers(databaseUrl);
      redisProblem = await redisAnswers(redisUrl);
      if (!pgProblem && !redisProblem) return;
    }
  }
  const lines = ["frugalboard needs PostgreSQL and Redis, and could not reach them:"];
  if (pgProblem) lines.push(`  - PostgreSQL at ${redactUrl(databaseUrl)}: ${pgProblem}`);
  if (redisProblem && redisUrl) lines.push(`  - Redis at ${redactUrl(redisUrl)}: ${redisProblem}`);
  lines.push(
    "Start them with `docker compose up -d --wait` (Docker), or install PostgreSQL 15+ and Redis 7 and start them,",
    "or point DATABASE_URL and REDIS_URL (in .env, see .env.example) at running ones.",
  );
  throw new Error(lines.join("\n"));
}
