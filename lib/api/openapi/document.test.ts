import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./document";

const document = buildOpenApiDocument();
type Operation = { operationId?: string; security?: unknown[]; parameters?: { in: string; name: string }[]; responses: Record<string, unknown> };
const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, path, operation })),
);

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const outcome = await validator.validate(structuredClone(document) as unknown as Parameters<Validator["validate"]>[0]);
    expect(validator.version).toBe("3.1");
    expect(outcome.errors ?? []).toEqual([]);
    expect(outcome.valid).toBe(true);
  });

  it("gives each operation a unique id, an explicit security requirement, a success answer and its path parameters", () => {
    const ids = operations.map((o) => o.operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { key, path, operation } of operations) {
      expect(operation.operationId, key).toMatch(/^[a-z][A-Za-z]+$/);
      expect(Array.isArray(operation.security), `${key} must say who may call it (PUBLIC, BEARER, …)`).toBe(true);
      expect(Object.keys(operation.responses).some((status) => /^2\d\d$/.test(status)), key).toBe(true);
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = (operation.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name).sort();
      expect(declared, key).toEqual(inPath);
    }
  });

  it("answers 401 in the Error shape wherever credentials are required", () => {
    const secured = operations.filter(({ operation }) => (operation.security ?? []).length > 0);
    expect(secured.map((o) => o.key)).toContain("POST /api/v1/submissions");
    for (const { key, operation } of secured) {
      expect(operation.responses["401"], key).toEqual({ $ref: "#/components/responses/Unauthorized" });
    }
    const unauthorized = document.components?.responses?.Unauthorized as { content: Record<string, { schema: unknown }> };
    expect(unauthorized.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Error" });
  });

  it("documents Retry-After on the answers that send it (429, and 503 while a service is down)", () => {
    for (const id of ["TooManyRequests", "ServiceUnavailable"]) {
      const response = document.components?.responses?.[id] as { headers?: Record<string, unknown> } | undefined;
      expect(response?.headers?.["Retry-After"], id).toMatchObject({ schema: { type: "string" } });
    }
  });

  it("declares the bearer token and the session cookie, and the multipart form the server validates", () => {
    expect(document.components?.securitySchemes).toMatchObject({
      bearerToken: { type: "http", scheme: "bearer" },
      sessionCookie: { type: "apiKey", in: "cookie" },
    });
    const post = (document.paths?.["/api/v1/submissions"] as Record<string, { requestBody: { content: Record<string, { schema: unknown }> } }>).post;
    expect(post.requestBody.content["multipart/form-data"].schema).toEqual({ $ref: "#/components/schemas/SubmissionForm" });
    expect(document.components?.schemas?.SubmissionForm).toMatchObject({
      required: expect.arrayContaining(["file", "model", "task"]),
      properties: { file: { type: "string", format: "binary" }, model: { pattern: expect.any(String) } },
    });
  });
});
