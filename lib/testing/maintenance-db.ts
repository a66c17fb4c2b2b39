// Statements a database cannot run on itself (CREATE, DROP), sent to the server's maintenance database instead.
import pg from "pg";

/** Runs `sql` on the `postgres` database of the server that `databaseUrl` names; returns the rows. */
export async function onServer(databaseUrl: string, sql: string, values: unknown[] = []): Promise<Record<string, unknown>[]> {
  const url = new URL(databaseUrl);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** The database name in `databaseUrl`, quoted as an SQL identifier. */
export const quotedName = (databaseUrl: string): string => `"${decodeURIComponent(new URL(databaseUrl).pathname.slice(1))}"`;
