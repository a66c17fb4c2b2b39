// "Builds the site if needed": the production build is redone only when a source file changed since the last.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const SOURCES = ["app", "lib", "benchmarks", "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];
const SKIP = new Set(["node_modules", ".next", "generated"]);

function walk(path: string, out: string[]): void {
  if (!existsSync(path)) return;
  const stat = statSync(path);
  if (stat.isDirectory()) {
    for (const name of readdirSync(path).sort()) if (!SKIP.has(name)) walk(join(path, name), out);
  } else {
    out.push(`${path}:${stat.size}:${stat.mtimeMs}`);
  }
}

export function sourceFingerprint(root: string): string {
  const entries: string[] = [];
  for (const source of SOURCES) walk(join(root, source), entries);
  return createHash("sha256").update(entries.join("\n")).digest("hex");
}

const stampPath = (root: string) => join(root, ".next", "frugal-build-stamp");

export function buildIsCurrent(root: string): boolean {
  const stamp = stampPath(root);
  return existsSync(join(root, ".next", "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === sourceFingerprint(root);
}

export function recordBuild(root: string): void {
  writeFileSync(stampPath(root), sourceFingerprint(root));
}
