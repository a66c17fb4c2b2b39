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
// no-restricted-imports block replaces an earlier one's options; it does not add to them).
const packagePatterns = [];

const roomPattern = (room, forbidden) => ({
  regex: `^(@/|(\\.\\./)+)(${forbidden.join("|")})(/|$)`,
  message: `${room}/ may import only ${[room, ...DOORS[room]].map((r) => `${r}/`).join(", ")} (docs/architecture.md, "Rooms and doors").`,
});

const doorsOf = (room) => ({
  files: [`${room}/**/*.{ts,tsx,mts,mjs}`],
  rules: {
    "no-restricted-imports": [
      "error",
      { patterns: [roomPattern(room, ROOMS.filter((r) => r !== room && !DOORS[room].includes(r))), ...packagePatterns] },
    ],
  },
});

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
        { patterns: [{ regex: "^(@/|(\\.\\./)+)(scripts|e2e)(/|$)", message: "An integration test may import every room but scripts/ and e2e/." }, ...packagePatterns] },
      ],
    },
  },
  { files: ["**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" }, languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly", global: "readonly" } } },
);
