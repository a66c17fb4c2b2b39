// Helpers for integration tests: real rows, real route handlers, a real worker in this process.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createApiToken } from "../auth/tokens";
import type { Db } from "../db/client";

export const BASELINES_DIR = join(process.cwd(), "benchmarks", "tasks", "mnist", "baselines");

export function baselineBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(BASELINES_DIR, file)));
}

/** A fresh user with a token; names are unique per call so tests never share rows. */
export async function newResearcher(db: Db, prefix = "researcher"): Promise<string> {
  const username = `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
  return (await createApiToken(db, username)).token;
}

export function uniqueSlug(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}

export function submissionRequest(opts: { token?: string; model?: string; task?: string; file?: Uint8Array; filename?: string }): Request {
  const form = new FormData();
  if (opts.file) form.set("file", new Blob([opts.file as BlobPart], { type: "application/octet-stream" }), opts.filename ?? "model.onnx");
  if (opts.model) form.set("model", opts.model);
  if (opts.task) form.set("task", opts.task);
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  return new Request("http://localhost/api/v1/submissions", { method: "POST", body: form, headers });
}

/** Tiny energy windows: integration tests check the flow, not the figures (bench:* scripts check those). */
export const TEST_HARNESS = { windows: 3, windowS: 0.05, idleS: 0.05 } as const;
