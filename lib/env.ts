// Environment, parsed once with zod. Bad config fails at start-up with a message naming the variable.
import { z } from "zod";
import { parseEnv } from "../common/parse-env";

const zEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a PostgreSQL URL such as postgresql://postgres@127.0.0.1:5432/frugalboard")
    .default("postgresql://postgres@127.0.0.1:5432/frugalboard"),
  /** Set: BullMQ runs on this Redis (unless FRUGAL_QUEUE=postgres). Unset: BullMQ runs in PostgreSQL. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a Redis URL such as redis://127.0.0.1:6379")
    .optional(),
  /** The queue's backend; unset: redis when REDIS_URL is set, else postgres (lib/queue/backend.ts). */
  FRUGAL_QUEUE: z.enum(["postgres", "redis"], { error: "must be postgres or redis" }).optional(),
  /** Set by `npm start` for its children when it runs the embedded PostgreSQL: that cluster's data folder. */
  FRUGAL_EMBEDDED_PG_DIR: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Public base URL used in links handed to API clients (statusUrl). */
  FRUGAL_PUBLIC_URL: z.string().url().optional(),
  /** Largest accepted upload. */
  FRUGAL_MAX_MODEL_BYTES: z.coerce.number().int().positive().default(50 * 1024 * 1024),
  /** BullMQ queue prefix, so that several deployments (or the tests) can share one Redis. */
  FRUGAL_QUEUE_PREFIX: z.string().regex(/^[a-z0-9:_-]+$/i, "letters, digits, ':', '_' and '-' only").default("frugal"),
  /** Grid carbon intensity for the CO₂e shown on model pages, g CO₂e per kWh (IEA world average 2018: 475). */
  FRUGAL_GRID_G_PER_KWH: z.coerce.number({ error: "must be a number" }).positive("must be a number above 0").max(2_000, "must be at most 2000 g/kWh").default(475),
  /** Water usage effectiveness for the water shown on model pages, litres per kWh (LBNL 2016 US average: 1.8). */
  FRUGAL_WUE_L_PER_KWH: z.coerce.number({ error: "must be a number" }).min(0, "must be 0 or more").max(20, "must be at most 20 L/kWh").default(1.8),
  /** Submissions one user may make in 24 hours (admins are not limited). */
  FRUGAL_SUBMISSIONS_PER_DAY: z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(1, "must be at least 1").max(100_000, "must be at most 100000").default(20),
  /** Sign-in and sign-up attempts one IP address may make per window. */
  FRUGAL_SIGNIN_ATTEMPTS: z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(1, "must be at least 1").max(100_000, "must be at most 100000").default(10),
  /** The sign-in window, seconds (default 15 minutes). */
  FRUGAL_SIGNIN_WINDOW_S: z.coerce.number({ error: "must be a whole number of seconds" }).int("must be a whole number of seconds").min(1, "must be at least 1").max(86_400, "must be at most 86400 (a day)").default(900),
  /** "true" when a reverse proxy sets X-Forwarded-For: the client's IP (for rate limits) is then its last entry. */
  FRUGAL_TRUST_PROXY: z.enum(["true", "false"], { error: "must be true or false" }).default("false"),
  /** Comma-separated task ids the start-up seed is limited to (a test server); unset: every task. */
  FRUGAL_SEED_TASKS: z.string().optional(),
});

export type Env = z.infer<typeof zEnv>;

let cached: Env | undefined;

/** Parses process.env once; throws one error listing every bad variable and what it must be. */
export function getEnv(): Env {
  if (cached) return cached;
  cached = parseEnv(zEnv, process.env, { what: "configuration" });
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvForTests(): void {
  cached = undefined;
}
