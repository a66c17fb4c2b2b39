// Downloads from the canonical source, served here by a local HTTP server that answers on the canonical paths
// (URLs are rewritten to it), with real files for the two datasets that are not bundled. Needs
// FRUGAL_DATASET_MIRROR (CI: ../shared/datasets) as the source of those files.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadTaskDataset } from "../tasks/registry";
import { smsSpamTask } from "../tasks/sms-spam";
import { spokenDigitsTask } from "../tasks/spoken-digits";
import { BenchmarkError } from "../types";
import { resolveDataset } from "./resolve";
import { sha256Of, toyManifest } from "./testing/toy-manifest";


/** A server answering each path from `routes` (404 otherwise), recording what was asked. */
async function serve(routes: Record<string, Uint8Array | string>): Promise<{ server: Server; origin: string; asked: string[] }> {
  const asked: string[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    asked.push(path);
    const body = routes[path];
    if (body === undefined) res.writeHead(404).end("not found");
    else res.writeHead(200, { "content-type": "application/octet-stream" }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, asked };
}

const toOrigin = (origin: string) => (url: string) => url.replace(/^https?:\/\/[^/]+/, origin);


describe("downloading a dataset from its canonical source", () => {
  let work: string;
  let cacheDir: string;
  let mirrorDir: string;
  let servers: Server[];
  beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), "frugal-download-"));
    cacheDir = join(work, "cache");
    mirrorDir = join(work, "empty-mirror");
    servers = [];
  });
  afterEach(async () => {
    for (const server of servers) server.close();
    await rm(work, { recursive: true, force: true });
  });
  const start = async (routes: Record<string, Uint8Array | string>) => {
    const served = await serve(routes);
    servers.push(served.server);
    return served;
  };

  it("fetches each missing file, verifies it, keeps it in the cache and reads it from there next time", async () => {
    const { origin, asked, server } = await start({ "/toy/a.txt": "alpha", "/toy/sub dir/b.txt": "beta" });
    const manifest = toyManifest({ "a.txt": "alpha", "sub dir/b.txt": "beta" }, { kind: "files", baseUrl: "https://example.org/toy/" });
    const first = await resolveDataset(manifest, { mirrorDir, cacheDir, download: true, urlFor: toOrigin(origin) });
    expect(first).toEqual({ "a.txt": join(cacheDir, "toy", "a.txt"), "sub dir/b.txt": join(cacheDir, "toy", "sub dir", "b.txt") });
    expect(await readFile(first["sub dir/b.txt"], "utf8")).toBe("beta");
    expect(asked.sort()).toEqual(["/toy/a.txt", "/toy/sub dir/b.txt"]);
    server.close();
    const again = await resolveDataset(manifest, { mirrorDir, cacheDir, download: true, urlFor: toOrigin(origin) });
    expect(again).toEqual(first);
    expect(asked).toHaveLength(2);
  });

  it("refuses a file whose bytes do not match the manifest and keeps nothing", async () => {
    const { origin } = await start({ "/toy/a.txt": "alphA!" });
    const manifest = toyManifest({ "a.txt": "alpha" }, { kind: "files", baseUrl: "https://example.org/toy/" });
    const error = await resolveDataset(manifest, { mirrorDir, cacheDir, download: true, urlFor: toOrigin(origin) }).catch((e) => e);
    expect(error).toBeInstanceOf(BenchmarkError);
    expect(error.rule).toBe("dataset_hash_mismatch");
    expect(error.message).toContain(`has SHA-256 ${sha256Of("alphA!")}, expected ${sha256Of("alpha")}; it was not kept`);
    expect(existsSync(join(cacheDir, "toy")) ? await readdir(join(cacheDir, "toy")) : []).toEqual([]);
  });

  it("names the URL and the HTTP status when the source answers with an error", async () => {
    const { origin } = await start({});
    const manifest = toyManifest({ "a.txt": "alpha" }, { kind: "files", baseUrl: "https://example.org/toy/" });
    const error = await resolveDataset(manifest, { mirrorDir, cacheDir, download: true, urlFor: toOrigin(origin) }).catch((e) => e);
    expect(error.code).toBe("dataset_missing");
    expect(error.rule).toBe("dataset_download_failed");
    expect(error.message).toContain("https://example.org/toy/a.txt answered HTTP 404");
    expect(error.message).toContain("into <mirror>/toy/ and set FRUGAL_DATASET_MIRROR=<mirror>");
  });

  it("says the source could not be reached, and how to get the files by hand", async () => {
    const { origin, server } = await start({});
    await new Promise((done) => server.close(done));
    const manifest = toyManifest({ "a.txt": "alpha" }, { kind: "files", baseUrl: "https://example.org/toy/" });
    const error = await resolveDataset(manifest, { mirrorDir, cacheDir, download: true, urlFor: toOrigin(origin) }).catch((e) => e);
    expect(error.rule).toBe("dataset_download_failed");
    expect(error.message).toMatch(/Could not download Toy a\.txt from https:\/\/example\.org\/toy\/a\.txt \(ECONNREFUSED\)/);
  });

  it("unpacks the files from a zip archive, and refuses an archive that is not a zip or lacks a file", async () => {
    const archive = zipSync({ "data/A.TXT": new TextEncoder().encode("alpha"), readme: new TextEncoder().encode("hi") });
    const { origin } = await start({ "/toy.zip": archive, "/broken.zip": "this is HTML, not a zip" });
    const zipped = (url: string, members?: Record<string, string>) => toyManifest({ "a.txt": "alpha" }, { kind: "zip", url, members });
    const options = { mirrorDir, cacheDir, download: true, urlFor: toOrigin(origin) };
    const found = await resolveDataset(zipped("https://example.org/toy.zip", { "a.txt": "data/A.TXT" }), options);
    expect(await readFile(found["a.txt"], "utf8")).toBe("alpha");
    await rm(cacheDir, { recursive: true });
    const lacking = await resolveDataset(zipped("https://example.org/toy.zip"), options).catch((e) => e);
    expect(lacking.message).toContain("archive from https://example.org/toy.zip holds no a.txt");
    const broken = await resolveDataset(zipped("https://example.org/broken.zip"), options).catch((e) => e);
    expect(broken.message).toContain("https://example.org/broken.zip is not a readable zip");
  });

  it("asks nothing of the network when downloads are off, and says how to turn them on", async () => {
    const { origin, asked } = await start({ "/toy/a.txt": "alpha" });
    const manifest = toyManifest({ "a.txt": "alpha" }, { kind: "files", baseUrl: "https://example.org/toy/" });
    const error = await resolveDataset(manifest, { mirrorDir, cacheDir, download: false, urlFor: toOrigin(origin) }).catch((e) => e);
    expect(error.code).toBe("dataset_missing");
    expect(error.message).toContain("or allow the download from there (FRUGAL_DATASET_DOWNLOAD is off)");
    expect(asked).toEqual([]);
  });

  function mirrored(folder: string): string {
    const root = process.env.FRUGAL_DATASET_MIRROR;
    if (!root) throw new Error("Set FRUGAL_DATASET_MIRROR to the folder holding the datasets (CI: ../shared/datasets).");
    return join(root, folder);
  }

  it("gets the 300 FSDD test recordings from the raw files of the pinned commit", async () => {
    const manifest = spokenDigitsTask.dataset;
    const routes: Record<string, Uint8Array> = {};
    const prefix = "/Jakobovski/free-spoken-digit-dataset/26eb9aaf76e81b692f806f9140c2d2777410d7a1/";
    for (const file of manifest.files) routes[prefix + file.name] = await readFile(join(mirrored(manifest.folder), file.name));
    const { origin, asked } = await start(routes);
    const dataset = await loadTaskDataset(spokenDigitsTask, { mirrorDir, cacheDir, download: true, urlFor: toOrigin(origin) });
    expect(dataset.samples).toBe(300);
    expect(asked).toHaveLength(300);
    expect(asked).toContain(`${prefix}recordings/7_theo_3.wav`);
  });

  it("gets the SMS Spam Collection out of the UCI archive", async () => {
    const text = await readFile(join(mirrored(smsSpamTask.dataset.folder), "SMSSpamCollection"));
    const archive = zipSync({ SMSSpamCollection: text, readme: new TextEncoder().encode("SMS Spam Collection v.1") });
    const { origin, asked } = await start({ "/static/public/228/sms+spam+collection.zip": archive });
    const dataset = await loadTaskDataset(smsSpamTask, { mirrorDir, cacheDir, download: true, urlFor: toOrigin(origin) });
    expect(dataset.samples).toBe(1115);
    expect(asked).toEqual(["/static/public/228/sms+spam+collection.zip"]);
  });
});
