// The OpenAPI document (lib/api/openapi) against the route files the App Router serves: this test reads app/, so it
// lives in app/ (lib/ has no door into app/; docs/architecture.md, "Rooms and doors").
import { describe, expect, it } from "vitest";
import { loadApiRoutes } from "@/app/_testing/api-routes";
import { buildOpenApiDocument } from "@/lib/api/openapi/document";
import { API_OPERATIONS } from "@/lib/api/openapi/operations";

const document = buildOpenApiDocument();
const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  Object.keys(item as Record<string, unknown>).map((method) => ({ key: `${method.toUpperCase()} ${path}` })),
);

describe("the OpenAPI document", () => {
  it("documents every route under app/api/v1 with the methods it exports, and nothing else", async () => {
    // When this fails after adding a route, add its entry to lib/api/openapi/operations/ (see the README).
    const routes = await loadApiRoutes();
    const served = routes.flatMap((route) => Object.keys(route.handlers).map((method) => `${method} ${route.path}`)).sort();
    const documented = Object.keys(API_OPERATIONS).sort();
    expect({ undocumented: served.filter((k) => !documented.includes(k)), notServed: documented.filter((k) => !served.includes(k)) }).toEqual({
      undocumented: [],
      notServed: [],
    });
    expect(operations.map((o) => o.key).sort()).toEqual(served);
  });
});
