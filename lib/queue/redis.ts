// Redis connections for BullMQ. A missing Redis is reported promptly, with what to do, instead of hanging.
import { Redis } from "ioredis";
import { AppError } from "../errors";
import { redactSecrets, redactUrl } from "../log/redact";

export function createRedis(url: string, forWorker = false): Redis {
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
export async function assertRedisReachable(redis: Redis, url: string): Promise<void> {
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


/** null when a Redis answers PING at url, else the reason; for start-up checks that must not retry. */
export async function redisProblem(url: string): Promise<string | null> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on("error", () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    redis.disconnect();
  }
}

/** Deletes every key that matches `pattern` (SCAN, then DEL in pages): test queues of a checkout, for one. */
export async function deleteRedisKeys(url: string, pattern: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  redis.on("error", () => undefined);
  try {
    for await (const keys of redis.scanStream({ match: pattern, count: 500 }) as AsyncIterable<string[]>) {
      if (keys.length > 0) await redis.del(...keys);
    }
  } finally {
    redis.disconnect();
  }
}
