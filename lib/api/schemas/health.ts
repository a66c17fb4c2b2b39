// GET /api/v1/health.
import { z } from "zod";

const zCheck = z.string().meta({ description: '"ok", or the first line of the error that the service answered.' });

export const zHealth = z
  .object({
    status: z.enum(["ok", "degraded"]),
    database: zCheck,
    queue: zCheck,
    databaseServer: z.string().meta({ description: "Which PostgreSQL: embedded (with its data folder) or the configured URL, without credentials." }),
    queueBackend: z.string().meta({ description: "Which backend the job queue runs on: postgres (a schema in the database) or redis (with its URL, without credentials)." }),
    harnessVersion: z.string().meta({ examples: ["1.3.0"] }),
  })
  .meta({ id: "Health" });
