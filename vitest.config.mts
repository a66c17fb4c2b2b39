import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";
import { defaultTestQueue, redisUrl } from "./lib/testing/test-env";

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
          include: ["{benchmarks,common,lib,worker,cli,scripts,app}/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "int",
          include: ["{benchmarks,common,lib,worker,cli,scripts,app}/**/*.int.test.ts"],
          globalSetup: ["lib/testing/global-setup.ts"],
          // Each file gets a database and a queue prefix of its own (isolate-file.ts), so tests never touch the
          // data of `npm start` nor each other's, whatever the order of the files.
          setupFiles: ["lib/testing/isolate-file.ts"],
          env: {
            REDIS_URL: redisUrl,
            FRUGAL_QUEUE: defaultTestQueue,
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
