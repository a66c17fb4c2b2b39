import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", ".next/", "lib/db/generated/", "next-env.d.ts", "e2e/screenshots/", "test-results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // The queue seam: only lib/queue/ reaches BullMQ, Redis or a backend factory (STYLE.md, issue 13).
  {
    files: ["**/*.{ts,tsx,mts,mjs}"],
    ignores: ["lib/queue/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "bullmq", message: "Only lib/queue/ imports BullMQ: use its enqueue / consume / isBenchmarkLive functions." },
            { name: "ioredis", message: "Only lib/queue/ talks to Redis: use lib/queue/ (redisProblem, getQueue)." },
          ],
          patterns: [{ group: ["bullmq/*", "ioredis/*"], message: "Only lib/queue/ imports BullMQ or Redis." }],
        },
      ],
    },
  },
  { files: ["**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" }, languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly", global: "readonly" } } },
);
