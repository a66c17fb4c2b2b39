// `npm run token:create -- --user NAME [--name LABEL]`: creates the user if needed and prints a new API token,
// alone on the last line of stdout (the only time it is shown; only its hash is stored).
import { parseArgs } from "node:util";
import { zUsername } from "../lib/api/schemas/inputs";
import { createApiToken } from "../lib/auth/tokens";
import { getDb } from "../lib/db/client";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { user: { type: "string" }, name: { type: "string", default: "cli" } } });
  const username = zUsername.safeParse(values.user ?? "");
  if (!username.success) {
    throw new Error(`Usage: npm run token:create -- --user NAME  (NAME ${username.error.issues[0].message})`);
  }
  const db = getDb();
  try {
    const created = await createApiToken(db, username.data, values.name);
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
