// Which datastore BullMQ runs on, chosen by configuration: FRUGAL_QUEUE=postgres|redis, or, unset, Redis when
// REDIS_URL is set and PostgreSQL (the database the site already uses) otherwise. Nothing else picks a backend.
import { createPostgresBackend, createRedisBackend, runMigrations, type BackendFactory } from "bullmq";
import pg from "pg";
import { getEnv, type Env } from "../env";
import { AppError } from "../errors";
import { redactSecrets, redactUrl } from "../log/redact";
import { assertRedisReachable, createRedis } from "./redis";

export const QUEUE_BACKENDS = ["postgres", "redis"] as const;
export type QueueBackendName = (typeof QUEUE_BACKENDS)[number];

/** Where FRUGAL_QUEUE=redis looks when REDIS_URL is not set. */
const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

export function queueBackendOf(env: Pick<Env, "FRUGAL_QUEUE" | "REDIS_URL"> = getEnv()): QueueBackendName {
  return env.FRUGAL_QUEUE ?? (env.REDIS_URL ? "redis" : "postgres");
}

export function redisUrlOf(env: Pick<Env, "REDIS_URL"> = getEnv()): string {
  return env.REDIS_URL ?? DEFAULT_REDIS_URL;
}

/**
 * The PostgreSQL backend namespaces queues by schema where Redis uses a key prefix: one schema per prefix, so the
 * tests' prefixes keep their jobs apart on PostgreSQL too. Schema names allow letters, digits and '_' only.
 */
export function queueSchemaOf(prefix = getEnv().FRUGAL_QUEUE_PREFIX): string {
  return `bullmq_${prefix.toLowerCase().replace(/[^a-z0-9_]/g, "_")}`.slice(0, 63);
}

/** "postgres (schema bullmq_frugal in the site's database)" or "redis at redis://host:6379": for logs and health. */
export function describeQueueBackend(env: Env = getEnv()): string {
  return queueBackendOf(env) === "postgres"
    ? `postgres (schema ${queueSchemaOf(env.FRUGAL_QUEUE_PREFIX)} in the site's database)`
    : `redis at ${redactUrl(redisUrlOf(env))}`;
}

/** A live connection for one Queue or Worker, with what BullMQ needs to use it and how to let it go. */
export interface QueueConnection {
  backend: QueueBackendName;
  factory: BackendFactory;
  /** The `connection` option of a BullMQ Queue or Worker on this backend. */
  connection: unknown;
  /** Queue options of this backend (the key prefix on Redis; PostgreSQL uses the schema instead). */
  prefix?: string;
  /** Throws a service_unavailable AppError naming the datastore when it does not answer. */
  assertReachable(): Promise<void>;
  close(): void;
}

const migratedSchemas = new Map<string, Promise<void>>();

/** Creates BullMQ's tables in the schema (idempotent, serialised by BullMQ's advisory lock). */
export async function migrateQueueSchema(databaseUrl: string, schema = queueSchemaOf()): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await runMigrations(client, schema);
  } finally {
    await client.end();
  }
}

function postgresUnavailable(databaseUrl: string, error: unknown): AppError {
  return new AppError(
    "service_unavailable",
    `The job queue's PostgreSQL is not reachable at ${redactUrl(databaseUrl)} (${redactSecrets((error as Error).message)}). Start PostgreSQL or set DATABASE_URL.`,
  );
}

export function openQueueConnection(forWorker = false, env: Env = getEnv()): QueueConnection {
  if (queueBackendOf(env) === "redis") {
    const url = redisUrlOf(env);
    const redis = createRedis(url, forWorker);
    return {
      backend: "redis",
      factory: createRedisBackend as BackendFactory,
      connection: redis,
      prefix: env.FRUGAL_QUEUE_PREFIX,
      assertReachable: () => assertRedisReachable(redis, url),
      close: () => redis.disconnect(),
    };
  }
  const databaseUrl = env.DATABASE_URL;
  const schema = queueSchemaOf(env.FRUGAL_QUEUE_PREFIX);
  const key = `${databaseUrl} ${schema}`;
  return {
    backend: "postgres",
    factory: createPostgresBackend as BackendFactory,
    // A small pool: the site's own queries go through Prisma's pool, the queue needs a few connections at most.
    connection: { connectionString: databaseUrl, schema, max: forWorker ? 4 : 3, connectionTimeoutMillis: 5_000 },
    async assertReachable() {
      // Once per process and schema: the migration doubles as the reachability check of the first call.
      let migrated = migratedSchemas.get(key);
      if (!migrated) {
        migrated = migrateQueueSchema(databaseUrl, schema);
        migratedSchemas.set(key, migrated);
        migrated.catch(() => migratedSchemas.delete(key));
      }
      try {
        await migrated;
      } catch (error) {
        throw postgresUnavailable(databaseUrl, error);
      }
    },
    close: () => undefined,
  };
}
