// A dataset manifest for tests: the files given (name → text) with their SHA-256 and size, and a download if any.
import { createHash } from "node:crypto";
import type { DatasetManifest } from "../../types";

export const sha256Of = (bytes: string | Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export function toyManifest(files: Record<string, string>, download?: DatasetManifest["download"]): DatasetManifest {
  return {
    name: "Toy",
    folder: "toy",
    licence: "CC0",
    citation: "none",
    canonicalUrl: "https://example.org/toy",
    ...(download ? { download } : {}),
    files: Object.entries(files).map(([name, text]) => ({ name, sha256: sha256Of(text), bytes: text.length })),
  };
}
