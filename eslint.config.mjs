import js from "@eslint/js";
import tseslint from "typescript-eslint";

// The rooms of the house and the rooms each may import (docs/architecture.md, "Rooms and doors"). A door not
// listed here is forbidden, and the linter says so. Room names are not used as sub-folder names inside a room, so a
// relative import that climbs out (`../../lib/x`) or an alias import (`@/lib/x`) names its target room.
export const DOORS = {
  common: [],
  benchmarks: ["common"],
  lib: ["benchmarks", "common"],
  app: ["lib", "common"],
  worker: ["lib", "benchmarks", "common"],
  cli: ["benchmarks", "common"],
  prisma: ["lib", "benchmarks", "common"],
  scripts: ["app", "lib", "benchmarks", "worker", "cli", "common", "prisma"],
  e2e: ["app", "lib", "benchmarks", "worker", "cli", "common", "prisma"],
};
const ROOMS = Object.keys(DOORS);

// Package rules that hold across rooms go here, so each files block below carries them with its doors (a later
// no-restricted-imports block replaces an earlier one's options; it does not add to them). The queue seam: only
// lib/queue/ reaches BullMQ or Redis (docs/architecture.md, "Queue and database lifecycle").
const packagePaths = [
  { name: "bullmq", message: "Only lib/queue/ imports BullMQ: use its enqueue / consume / isBenchmarkLive functions." },
  { name: "ioredis", message: "Only lib/queue/ talks to Redis: use lib/queue/ (redisProblem, getQueue)." },
];
const packagePatterns = [{ group: ["bullmq/*", "ioredis/*"], message: "Only lib/queue/ imports BullMQ or Redis." }];

const roomPattern = (room, forbidden) => ({
  regex: `^(@/|(\\.\\./)+)(${forbidden.join("|")})(/|$)`,
  message: `${room}/ may import only ${[room, ...DOORS[room]].map((r) => `${r}/`).join(", ")} (docs/architecture.md, "Rooms and doors").`,
});

const doorsOf = (room, { files = [`${room}/**/*.{ts,tsx,mts,mjs}`], packages = true } = {}) => ({
  files,
  rules: {
    "no-restricted-imports": [
      "error",
      {
        paths: packages ? packagePaths : [],
        patterns: [roomPattern(room, ROOMS.filter((r) => r !== room && !DOORS[room].includes(r))), ...(packages ? packagePatterns : [])],
      },
    ],
  },
});

const INT_TEST_PATTERN = { regex: "^(@/|(\\.\\./)+)(scripts|e2e)(/|$)", message: "An integration test may import every room but scripts/ and e2e/." };

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
  ...ROOMS.map(doorsOf),
  // An integration test assembles the house (a route, a worker and the CLI against the real services), so it may
  // open any room but scripts/ and e2e/; unit tests and test helpers keep their room's doors.
  {
    files: ["**/*.int.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: packagePaths, patterns: [INT_TEST_PATTERN, ...packagePatterns] },
      ],
    },
  },
  // Files at the top (next.config.ts, the test configs) belong to no room but keep the package rules.
  { files: ["*.{ts,mts,mjs}"], rules: { "no-restricted-imports": ["error", { paths: packagePaths, patterns: packagePatterns }] } },
  // lib/queue/ is the one place that imports BullMQ and Redis: lib's doors, without the package rules.
  doorsOf("lib", { files: ["lib/queue/**/*.{ts,tsx,mts,mjs}"], packages: false }),
  { files: ["lib/queue/**/*.int.test.ts"], rules: { "no-restricted-imports": ["error", { patterns: [INT_TEST_PATTERN] }] } },
  { files: ["**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" }, languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly", global: "readonly" } } },
);
