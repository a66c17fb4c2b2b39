// Every schema the site needs in its database: Prisma's migrations, then BullMQ's when the queue runs in PostgreSQL.
// For `npm start` and `npm run db:migrate`, once the configuration is final (it reads the parsed environment).
import { getEnv } from "../env";
import { migrateQueueSchema, queueBackendOf, queueSchemaOf } from "../queue/backend";
import { migrateDatabase } from "./migrate";

export async function migrateAll(): Promise<void> {
  const env = getEnv();
  await migrateDatabase(env.DATABASE_URL);
  if (queueBackendOf(env) === "postgres") await migrateQueueSchema(env.DATABASE_URL, queueSchemaOf(env.FRUGAL_QUEUE_PREFIX));
}
