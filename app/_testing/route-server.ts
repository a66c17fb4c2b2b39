// The real route handlers of app/api/v1 behind a plain node:http server, for tests that need the API over HTTP
// (the CLI as a child process) without a `next build`: each request goes to the handler its route file exports,
// with the path parameters, as the App Router would call it. Unknown paths answer 404, other methods 405.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { ApiMethod } from "@/lib/api/openapi/operations";
import { loadApiRoutes, type ApiRoute } from "./api-routes";

export interface RouteServer {
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  close(): Promise<void>;
}

function toRequest(req: IncomingMessage, url: URL): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    duplex: "half",
  } as RequestInit);
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  res.writeHead(response.status, headers);
  if (response.body) {
    const reader = response.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) res.write(chunk.value);
  }
  res.end();
}

function jsonError(res: ServerResponse, status: number, code: string, message: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...extra });
  res.end(JSON.stringify({ error: { code, message } }));
}

async function dispatch(routes: ApiRoute[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
  for (const route of routes) {
    const match = route.pattern.exec(url.pathname);
    if (!match) continue;
    const handler = route.handlers[req.method as ApiMethod];
    if (!handler) {
      jsonError(res, 405, "method_not_allowed", `${req.method} is not served at ${route.path}.`, { allow: Object.keys(route.handlers).join(", ") });
      return;
    }
    const params = Object.fromEntries(route.paramNames.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
    await writeResponse(res, await handler(toRequest(req, url), { params: Promise.resolve(params) }));
    return;
  }
  jsonError(res, 404, "not_found", `No API route at ${url.pathname}.`);
}

export async function startRouteServer(): Promise<RouteServer> {
  // Fewer parameters first, so a static segment wins over a parameter as in the App Router (/x/current before /x/{id}).
  const routes = (await loadApiRoutes()).sort((a, b) => a.paramNames.length - b.paramNames.length);
  const server = createServer((req, res) => {
    dispatch(routes, req, res).catch((error: Error) => {
      console.error(`[route-server] ${req.method} ${req.url}: ${error.stack ?? error.message}`);
      if (!res.headersSent) jsonError(res, 500, "internal", "The test server failed; see its log.");
      else res.destroy(error);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
