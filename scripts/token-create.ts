// `npm run token:create -- --user NAME [--name LABEL]`: creates the user if needed and prints a new API token,
// alone on the last line of stdout (the only time it is shown; only its hash is stored).
import { parseArgs } from "node:util";
import { createApiToken } from "../lib/auth/tokens";
import { getDb } from "../lib/db/client";

const USERNAME = /^[a-z0-9][a-z0-9_-]{1,38}$/i;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { user: { type: "string" }, name: { type: "string", default: "cli" } } });
  if (!values.user || !USERNAME.test(values.user)) {
    throw new Error("Usage: npm run token:create -- --user NAME  (NAME: 2–39 letters, digits, '_' or '-')");
  }
  const db = getDb();
  try {
    const created = await createApiToken(db, values.user, values.name);
    console.log(`Token for ${created.username} (shown once; store it safely):`);
    console.log(created.token);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
