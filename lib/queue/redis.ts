// Redis connections for BullMQ. A missing Redis is reported promptly, with what to do, instead of hanging.
import { Redis } from "ioredis";
import { getEnv } from "../env";
import { AppError } from "../errors";
import { redactSecrets, redactUrl } from "../log/redact";

export function createRedis(url = getEnv().REDIS_URL, forWorker = false): Redis {
  const redis = new Redis(url, {
    // BullMQ workers block on Redis and must never give up a command; producers should fail fast instead.
    maxRetriesPerRequest: forWorker ? null : 1,
    enableOfflineQueue: forWorker,
    connectTimeout: 3_000,
    lazyConnect: !forWorker,
  });
  // Connection errors reach callers through the commands that fail (and assertRedisReachable); without a
  // listener ioredis would also print each one as an unhandled error event.
  redis.on("error", () => undefined);
  return redis;
}

/** Throws a service_unavailable AppError when Redis does not answer PING within the timeout. */
export async function assertRedisReachable(redis: Redis, url = getEnv().REDIS_URL): Promise<void> {
  try {
    if (redis.status === "wait") await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new AppError(
      "service_unavailable",
      `Redis is not reachable at ${redactUrl(url)} (${redactSecrets((error as Error).message)}). Start Redis or set REDIS_URL.`,
    );
  }
}

export { redactUrl } from "../log/redact";
