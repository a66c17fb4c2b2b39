// Request input → typed value, or a 400 that names the field and says what it must be.
import type { z } from "zod";
import { AppError } from "../errors";

export function parseInput<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((key) => `\`${key.slice(0, 40)}\``).join(", ");
    throw new AppError("invalid_request", `Field ${keys} ${issue.message}.`);
  }
  if (issue.path.length === 0) throw new AppError("invalid_request", `The request ${issue.message}.`);
  throw new AppError("invalid_request", `Field \`${issue.path.join(".")}\` ${issue.message}.`);
}

/** The JSON object a request carries; anything else is a 400 that says what to send. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError("invalid_request", "Send a JSON object as the body, with Content-Type: application/json.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new AppError("invalid_request", "The body must be a JSON object.");
  }
  return body as Record<string, unknown>;
}
