// GET /api/v1/badges/{slug}/{task}: the shields.io endpoint schema, for every answer (found, not found, failure).
import { z } from "zod";
import type { ShieldsEndpoint } from "../../badges/endpoint-json";

export const zShieldsEndpoint = z
  .object({
    schemaVersion: z.literal(1),
    label: z.string(),
    message: z.string().meta({ examples: ["97.9% · 38.2 µJ · A"] }),
    color: z.string(),
    cacheSeconds: z.number().int().min(300),
    isError: z.literal(true).optional(),
  })
  .meta({ id: "ShieldsEndpoint", description: "https://shields.io/badges/endpoint-badge" }) satisfies z.ZodType<ShieldsEndpoint>;
