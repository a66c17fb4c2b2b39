// The queue's Redis for `npm start` and `npm test`, when the configuration asks for one: an unreachable Redis is an
// error naming it, never a silent switch to the PostgreSQL backend. (The database: lib/db/lifecycle.ts.)
import { redactUrl } from "../../lib/log/redact";
import { redisProblem } from "../../lib/queue/redis";

/** Throws, naming the Redis (password masked) and what to do, when url is set and nothing answers there. */
export async function ensureRedis(url: string | undefined): Promise<void> {
  if (!url) return;
  const problem = await redisProblem(url);
  if (!problem) return;
  throw new Error(
    `Redis is not reachable at ${redactUrl(url)} (REDIS_URL): ${problem}. Start it (\`docker compose up -d --wait\` starts one), ` +
      "fix REDIS_URL, or unset REDIS_URL and FRUGAL_QUEUE to run the queue in PostgreSQL.",
  );
}
