// The last place a dataset file comes from: its canonical source on the internet (docs/architecture.md, "Tasks").
// Each file is fetched, checked against the manifest's SHA-256 and only then written, under a temporary name
// renamed into place, to the download cache (`$FRUGAL_DATASET_CACHE/<folder>/<name>`, laid out like the mirror). A
// file whose bytes do not match is never written; a failure names the file, the URL and how to get it by hand.
import { createHash } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { unzipSync } from "fflate";
import { BenchmarkError, type DatasetFile, type DatasetManifest } from "../types";

export interface DownloadOptions {
  cacheDir: string;
  /** Rewrites a canonical URL before fetching (tests serve the files from a local server). */
  urlFor?: (url: string) => string;
  /** Files fetched at once (FSDD's test set is 300 small files). */
  concurrency?: number;
  timeoutMs?: number;
}

const DEFAULT_CONCURRENCY = 8;
const DEFAULT_TIMEOUT_MS = 60_000;

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function howToGetIt(manifest: DatasetManifest): string {
  return `Download it from ${manifest.canonicalUrl} into <mirror>/${manifest.folder}/ and set FRUGAL_DATASET_MIRROR=<mirror>, or try again.`;
}

async function fetchBytes(manifest: DatasetManifest, url: string, what: string, options: DownloadOptions): Promise<Uint8Array> {
  const fetched = options.urlFor ? options.urlFor(url) : url;
  let response: Response;
  try {
    response = await fetch(fetched, { signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS), redirect: "follow" });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new BenchmarkError("dataset_missing", `Could not download ${manifest.name} ${what} from ${url} (${cause}). ${howToGetIt(manifest)}`, "dataset_download_failed");
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new BenchmarkError(
      "dataset_missing",
      `Downloading ${manifest.name} ${what} from ${url} answered HTTP ${response.status}. ${howToGetIt(manifest)}`,
      "dataset_download_failed",
    );
  }
  return new Uint8Array(await response.arrayBuffer());
}

/** Writes verified bytes into the cache and returns the path; a mismatch is refused and nothing is written. */
async function keep(manifest: DatasetManifest, file: DatasetFile, bytes: Uint8Array, source: string, cacheDir: string): Promise<string> {
  const actual = sha256(bytes);
  if (actual !== file.sha256) {
    throw new BenchmarkError(
      "dataset_missing",
      `Downloaded ${manifest.name} ${file.name} from ${source} has SHA-256 ${actual}, expected ${file.sha256}; it was not kept. ` +
        `The source may have changed: ${howToGetIt(manifest)}`,
      "dataset_hash_mismatch",
    );
  }
  const path = join(cacheDir, manifest.folder, file.name);
  await mkdir(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}.part`;
  try {
    await writeFile(partial, bytes);
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return path;
}

async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed: unknown;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length && failed === undefined) {
      const item = items[next++];
      await work(item).catch((error) => {
        failed ??= error;
      });
    }
  });
  await Promise.all(lanes);
  if (failed !== undefined) throw failed;
}

/** Fetches `files` of `manifest` from its canonical source; returns their paths in the cache, by manifest name. */
export async function downloadDataset(manifest: DatasetManifest, files: DatasetFile[], options: DownloadOptions): Promise<Record<string, string>> {
  const source = manifest.download;
  if (!source) throw new Error(`Dataset ${manifest.name} has no download source`);
  const paths: Record<string, string> = {};
  if (source.kind === "files") {
    await eachLimited(files, options.concurrency ?? DEFAULT_CONCURRENCY, async (file) => {
      const url = source.baseUrl + file.name.split("/").map(encodeURIComponent).join("/");
      paths[file.name] = await keep(manifest, file, await fetchBytes(manifest, url, file.name, options), url, options.cacheDir);
    });
    return paths;
  }
  const archive = await fetchBytes(manifest, source.url, "archive", options);
  const memberOf = (file: DatasetFile) => source.members?.[file.name] ?? file.name;
  const wanted = new Set(files.map(memberOf));
  let members: Record<string, Uint8Array>;
  try {
    members = unzipSync(archive, { filter: (entry) => wanted.has(entry.name) });
  } catch (error) {
    throw new BenchmarkError(
      "dataset_missing",
      `The ${manifest.name} archive from ${source.url} is not a readable zip (${(error as Error).message}). ${howToGetIt(manifest)}`,
      "dataset_download_failed",
    );
  }
  for (const file of files) {
    const bytes = members[memberOf(file)];
    if (!bytes) {
      throw new BenchmarkError(
        "dataset_missing",
        `The ${manifest.name} archive from ${source.url} holds no ${memberOf(file)}. ${howToGetIt(manifest)}`,
        "dataset_download_failed",
      );
    }
    paths[file.name] = await keep(manifest, file, bytes, `${source.url} (${memberOf(file)})`, options.cacheDir);
  }
  return paths;
}
