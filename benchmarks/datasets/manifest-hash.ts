// The dataset manifest's hash, stored with every result: SHA-256 of the manifest's name and its files' names and
// SHA-256s, in a fixed order, so a result says exactly which test-set bytes it was measured on (download sources
// and licence text may change without changing it).
import { createHash } from "node:crypto";
import type { DatasetManifest } from "../types";

export function datasetManifestSha256(manifest: Pick<DatasetManifest, "name" | "files">): string {
  const files = [...manifest.files].sort((a, b) => a.name.localeCompare(b.name)).map((f) => [f.name, f.sha256, f.bytes]);
  return createHash("sha256").update(JSON.stringify({ name: manifest.name, files })).digest("hex");
}
