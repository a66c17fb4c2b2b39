import { defineConfig } from "vitest/config";
import { redisUrl, testDatabaseUrl, testQueuePrefix } from "./lib/testing/test-env";

export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["{benchmarks,lib,worker,cli,scripts,app}/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "int",
          include: ["{benchmarks,lib,worker,cli,scripts,app}/**/*.int.test.ts"],
          globalSetup: ["lib/testing/global-setup.ts"],
          // A database and a queue prefix of their own, so tests never touch the data of `npm start`.
          env: {
            DATABASE_URL: testDatabaseUrl,
            REDIS_URL: redisUrl,
            FRUGAL_QUEUE_PREFIX: testQueuePrefix,
          },
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
