// GET /api/v1/badges/{slug}/{task}: the shields.io endpoint schema, for every answer (found, not found, failure).
import { z } from "zod";
import type { ShieldsEndpoint } from "../../badges/endpoint-json";

export const zShieldsEndpoint = z
  .object({
    schemaVersion: z.literal(1),
    label: z.string(),
    message: z.string().meta({
      description: 'Task, accuracy, µJ per inference and energy class; then, unless pinned with ?result=, the rank on the task\'s default board as the board shows it ("=3" when tied).',
      examples: ["mnist 97.9% · 38.2 µJ · A · rank =3"],
    }),
    color: z.string(),
    cacheSeconds: z.number().int().min(300),
    isError: z.literal(true).optional(),
  })
  .meta({ id: "ShieldsEndpoint", description: "https://shields.io/badges/endpoint-badge" }) satisfies z.ZodType<ShieldsEndpoint>;
