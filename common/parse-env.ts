// The one way a process's configuration schema reads the environment (lib/env.ts for the web app,
// worker/settings.ts for the worker, benchmarks/harness/env.ts for the harness): one error that names every bad
// variable and what it must be, in the same words everywhere.
import type { z } from "zod";

/** The environment to read: process.env, or a plain object in tests. */
export type Env = Record<string, string | undefined>;

/** "Invalid <what> (see .env.example): NAME: what it must be; NAME: …." */
export function formatConfigIssues(what: string, error: z.ZodError): string {
  const problems = error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
  return `Invalid ${what} (see .env.example): ${problems}.`;
}

export interface ParseEnvOptions {
  /** Named in the error: "configuration", "worker configuration", … */
  what: string;
  /** An empty variable (FRUGAL_CPU_TDP_W= in .env) means "not set". */
  emptyIsUnset?: boolean;
  /** The error to throw (a plain Error unless the caller has its own class). */
  toError?: (message: string) => Error;
}

/** Parses `env` with `schema`; a bad variable throws one error naming every bad one (formatConfigIssues). */
export function parseEnv<T extends z.ZodType>(schema: T, env: Env, { what, emptyIsUnset = false, toError = (m) => new Error(m) }: ParseEnvOptions): z.output<T> {
  const present = emptyIsUnset ? Object.fromEntries(Object.entries(env).filter(([, value]) => value !== "")) : env;
  const parsed = schema.safeParse(present);
  if (!parsed.success) throw toError(formatConfigIssues(what, parsed.error));
  return parsed.data;
}
