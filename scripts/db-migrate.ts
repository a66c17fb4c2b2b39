// `npm run db:migrate`: create the database if needed and apply the committed migrations.
import { migrateDatabase } from "../lib/db/migrate";
import { getEnv } from "../lib/env";

migrateDatabase(getEnv().DATABASE_URL)
  .then(() => console.log("Migrations applied."))
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
