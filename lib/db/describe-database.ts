// Which database is in use, as it may be shown (health route, worker and start lines): never a credential.
import { getEnv, type Env } from "../env";
import { redactUrl } from "../log/redact";

export function describeDatabase(env: Pick<Env, "DATABASE_URL" | "FRUGAL_EMBEDDED_PG_DIR"> = getEnv()): string {
  const url = redactUrl(env.DATABASE_URL);
  return env.FRUGAL_EMBEDDED_PG_DIR ? `embedded PostgreSQL at ${url} (data in ${env.FRUGAL_EMBEDDED_PG_DIR})` : `PostgreSQL at ${url}`;
}
