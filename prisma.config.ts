import path from "node:path";
import { defineConfig } from "prisma/config";
import { createMigrateAdapter } from "./prisma/migrate-adapter";

const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/frugalboard";
// The schema's `env("DATABASE_URL")` must resolve even for `prisma generate` on a fresh clone: when it cannot,
// the CLI falls back to the native query engine and tries to download it, which fails offline.
process.env.DATABASE_URL ??= DEFAULT_DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  // The WebAssembly schema engine bundled with the CLI: the native one is a download, which fails offline.
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => createMigrateAdapter(process.env.DATABASE_URL as string),
});
