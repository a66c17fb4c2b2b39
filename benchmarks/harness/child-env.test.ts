import { describe, expect, it } from "vitest";
import { childEnvironment } from "./child-env";

describe("childEnvironment", () => {
  it("keeps what Node and the harness need and drops the worker's secrets", () => {
    const env = childEnvironment({
      PATH: "/usr/bin",
      TMPDIR: "/tmp/x",
      NODE_ENV: "production",
      FRUGAL_DATASET_MIRROR: "/data",
      FRUGAL_WINDOW_S: "2",
      DATABASE_URL: "postgresql://app:pw@db/x",
      REDIS_URL: "redis://:pw@cache",
      FRUGAL_PUBLIC_URL: "https://frugalboard.example",
      AWS_SECRET_ACCESS_KEY: "abc",
      GITHUB_TOKEN: "ghp_x",
      FRUGAL_API_TOKEN: "fb_x",
    });
    expect(env).toEqual({ PATH: "/usr/bin", TMPDIR: "/tmp/x", NODE_ENV: "production", FRUGAL_DATASET_MIRROR: "/data", FRUGAL_WINDOW_S: "2" });
  });
});
