import { afterEach, describe, expect, it } from "vitest";
import { redactSecrets, redactUrl } from "./redact";

const saved = process.env.DATABASE_URL;
afterEach(() => {
  process.env.DATABASE_URL = saved;
});

describe("redactUrl", () => {
  it("masks the password of a connection URL and keeps the rest", () => {
    expect(redactUrl("postgresql://app:s3cret-pw@db.internal:5432/frugal")).toBe("postgresql://app:***@db.internal:5432/frugal");
    expect(redactUrl("redis://:hunter22@cache:6379/0")).toBe("redis://:***@cache:6379/0");
    expect(redactUrl("postgresql://postgres@127.0.0.1:5432/frugal")).toBe("postgresql://postgres@127.0.0.1:5432/frugal");
  });

  it("masks a password given as a query parameter, and passwords holding '@' or ':'", () => {
    expect(redactUrl("postgresql://app@db/frugal?password=p4ss&sslmode=require")).toBe("postgresql://app@db/frugal?password=***&sslmode=require");
    expect(redactUrl("postgresql://app:a%40b%3Ac@db/frugal")).not.toMatch(/a%40b|a@b/);
  });
});

describe("redactSecrets", () => {
  it("masks credentials of URLs inside any text", () => {
    const text = "connect to postgresql://app:s3cret@db:5432/x failed; retry redis://u:p@ss:word@cache:6379 later";
    const out = redactSecrets(text);
    expect(out).toBe("connect to postgresql://app:***@db:5432/x failed; retry redis://u:***@cache:6379 later");
  });

  it("masks API tokens and Bearer credentials", () => {
    expect(redactSecrets("Authorization: Bearer abc.def-ghi")).toBe("Authorization: Bearer ***");
    expect(redactSecrets("token fb_AbCdEf0123456789_-xyz used")).toBe("token fb_*** used");
  });

  it("masks the configured database password wherever a driver quotes it", () => {
    process.env.DATABASE_URL = "postgresql://app:Zq9%21pw@db:5432/x";
    expect(redactSecrets("auth failed with Zq9!pw and Zq9%21pw")).toBe("auth failed with *** and ***");
  });
});
