import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";
import { defaultTestQueue, redisUrl, testDatabaseUrl, testQueuePrefix } from "./lib/testing/test-env";

export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    // Tests never reach the internet for a dataset, nor find one a developer downloaded: the download tests
    // serve files locally and pass their own cache.
    env: { FRUGAL_DATASET_DOWNLOAD: "0", FRUGAL_DATASET_CACHE: join(tmpdir(), "frugalboard-test-no-dataset-cache") },
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
            FRUGAL_QUEUE: defaultTestQueue,
            FRUGAL_QUEUE_PREFIX: testQueuePrefix,
            // Workers started by tests calibrate only where a test turns it on (worker/calibration.int.test.ts),
            // so other files' timings and CPU are what they were.
            FRUGAL_CALIBRATE: "0",
          },
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
