import { describe, expect, it } from "vitest";
import { AppError, rateLimited } from "../errors";
import { withErrors } from "./respond";

async function answer(error: unknown) {
  const response = await withErrors(async () => {
    throw error;
  })();
  return { status: response.status, body: await response.json() };
}

describe("withErrors", () => {
  it("turns an AppError into its status and { error: { code, message } }", async () => {
    expect(await answer(new AppError("invalid_model", "The model has two inputs.", { rule: "inputs" }))).toEqual({
      status: 422,
      body: { error: { code: "invalid_model", message: "The model has two inputs.", rule: "inputs" } },
    });
  });

  it("gives a refused-for-now request 429 with Retry-After in whole seconds", async () => {
    const response = await withErrors(async () => {
      throw rateLimited("Too many; try again in 2 min.", 90.2);
    })();
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("91");
    expect(await response.json()).toEqual({ error: { code: "rate_limited", message: "Too many; try again in 2 min.", retryAfterS: 91 } });
  });

  it("answers 503 with a JSON error when the database cannot be reached", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const { status, body } = await answer(refused);
    expect(status).toBe(503);
    expect(body.error).toEqual({ code: "service_unavailable", message: "The database is unavailable; try again in a minute." });
  });

  it("never leaks an unexpected error's text", async () => {
    const { status, body } = await answer(new Error("password authentication failed for user secret-admin"));
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toContain("secret-admin");
    expect(body.error.code).toBe("internal");
  });
});
