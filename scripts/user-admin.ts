// `npm run user:admin -- NAME`: makes an existing user an administrator (`--revoke` makes them a plain user again).
import { parseArgs } from "node:util";
import { getDb } from "../lib/db/client";
import { setUserRole } from "../lib/auth/set-role";

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { revoke: { type: "boolean", default: false } } });
  if (positionals.length !== 1) throw new Error("Usage: npm run user:admin -- NAME   (or -- NAME --revoke)");
  const db = getDb();
  try {
    const user = await setUserRole(db, positionals[0], values.revoke ? "USER" : "ADMIN");
    console.log(values.revoke ? `${user.username} is no longer an administrator.` : `${user.username} is now an administrator.`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
