// GET /api/v1/health.
import { z } from "zod";

const zCheck = z.string().meta({ description: '"ok", or the first line of the error that the service answered.' });

export const zHealth = z
  .object({
    status: z.enum(["ok", "degraded"]),
    database: zCheck,
    redis: zCheck,
    harnessVersion: z.string().meta({ examples: ["1.3.0"] }),
  })
  .meta({ id: "Health" });
