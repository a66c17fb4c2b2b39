// `npm run db:migrate`: create the database if needed and apply the committed migrations (and BullMQ's).
import { migrateAll } from "../lib/db/migrate-all";

migrateAll()
  .then(() => console.log("Migrations applied."))
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
