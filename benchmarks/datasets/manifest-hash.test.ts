import { describe, expect, it } from "vitest";
import { datasetManifestSha256 } from "./manifest-hash";

const manifest = {
  name: "MNIST",
  files: [
    { name: "b", sha256: "22".repeat(32), bytes: 2 },
    { name: "a", sha256: "11".repeat(32), bytes: 1 },
  ],
};

describe("dataset manifest hash", () => {
  it("is a SHA-256 that does not depend on the order of the files", () => {
    const hash = datasetManifestSha256(manifest);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(datasetManifestSha256({ ...manifest, files: [...manifest.files].reverse() })).toBe(hash);
  });

  it("changes when a file's bytes change", () => {
    const changed = { ...manifest, files: [{ ...manifest.files[0], sha256: "33".repeat(32) }, manifest.files[1]] };
    expect(datasetManifestSha256(changed)).not.toBe(datasetManifestSha256(manifest));
  });
});
