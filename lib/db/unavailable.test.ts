import { describe, expect, it } from "vitest";
import { databaseReason, isDatabaseUnavailable } from "./unavailable";

describe("isDatabaseUnavailable", () => {
  it.each([
    ["a refused connection", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["a connection cut mid-query", new Error("Connection terminated unexpectedly")],
    ["a full pool of dead connections", new Error("timeout exceeded when trying to connect")],
    ["Prisma's P1001", Object.assign(new Error("Can't reach database server at `db:5432`"), { code: "P1001" })],
    ["a server shutting down", Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })],
    ["a cause that is one of these", new Error("query failed", { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) })],
  ])("is true for %s", (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique constraint", Object.assign(new Error("Unique constraint failed on the fields: (`slug`)"), { code: "P2002" })],
    ["a bug", new TypeError("cannot read properties of undefined")],
    ["a wrong password", new Error('password authentication failed for user "app"')],
  ])("is false for %s", (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe("databaseReason", () => {
  it("keeps the last line of Prisma's message, without the code frame", () => {
    const message = "\nInvalid `db.user.count()` invocation in\n/app/x.ts:9:23\n\n→ 9 await db.user.count(\nCan't reach database server at `127.0.0.1:5432`";
    expect(databaseReason(new Error(message))).toBe("Can't reach database server at `127.0.0.1:5432`");
  });
});
