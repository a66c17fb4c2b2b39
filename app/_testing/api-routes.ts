// The route files under app/api/v1 as the App Router sees them: URL path (with {param} for [param]), a pattern
// that matches request paths, and the HTTP methods each file exports. Used by the OpenAPI coverage test and by
// the test server that serves the real handlers over HTTP (route-server.ts).
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { ApiMethod } from "@/lib/api/openapi/operations";

export const HTTP_METHODS: ApiMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const API_DIR = join("app", "api", "v1");

export interface ApiRouteFile {
  /** Relative to the project root, e.g. app/api/v1/submissions/[id]/route.ts. */
  file: string;
  /** e.g. /api/v1/submissions/{id} */
  path: string;
  paramNames: string[];
  pattern: RegExp;
}

export type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface ApiRoute extends ApiRouteFile {
  handlers: Partial<Record<ApiMethod, RouteHandler>>;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function listApiRouteFiles(root = process.cwd()): ApiRouteFile[] {
  const files = readdirSync(join(root, API_DIR), { recursive: true, encoding: "utf8" })
    .filter((file) => file === "route.ts" || file.endsWith(`${sep}route.ts`))
    .sort();
  return files.map((file) => {
    const segments = file.split(sep).slice(0, -1);
    const paramNames: string[] = [];
    const parts = segments.flatMap((segment) => {
      if (segment.startsWith("(") && segment.endsWith(")")) return []; // a route group: not in the URL
      if (segment.startsWith("[...") || segment.startsWith("[[")) {
        throw new Error(`${file}: catch-all segments are not handled here yet; extend app/_testing/api-routes.ts.`);
      }
      const param = /^\[(\w+)\]$/.exec(segment);
      if (param) {
        paramNames.push(param[1]);
        return [{ path: `{${param[1]}}`, pattern: "([^/]+)" }];
      }
      return [{ path: segment, pattern: escape(segment) }];
    });
    return {
      file: relative(root, join(root, API_DIR, file)).split(sep).join("/"),
      path: ["/api/v1", ...parts.map((p) => p.path)].join("/"),
      paramNames,
      pattern: new RegExp(`^${["/api/v1", ...parts.map((p) => p.pattern)].join("/")}$`),
    };
  });
}

/** Imports each route file (as Next.js would) and reads which HTTP methods it exports. */
export async function loadApiRoutes(root = process.cwd()): Promise<ApiRoute[]> {
  return Promise.all(
    listApiRouteFiles(root).map(async (route) => {
      const module = (await import(join(root, route.file))) as Record<string, unknown>;
      const handlers: ApiRoute["handlers"] = {};
      for (const method of HTTP_METHODS) {
        if (typeof module[method] === "function") handlers[method] = module[method] as RouteHandler;
      }
      return { ...route, handlers };
    }),
  );
}
