// The client's handling of answers the real server gives in int tests (cli/submit.int.test.ts) and of those it
// gives only in situations hard to stage there: an early refusal during a large upload, a duplicate upload
// (200), a proxy's HTML error page, a server error. A plain node:http server plays the server.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiRefusal, createApiClient, ServerUnavailable } from "./api-client";
import { multipartBody } from "./multipart";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let handler: Handler;
let server: Server;
let url: string;
let dir: string;

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function bodyOf(sizeBytes: number) {
  const path = join(dir, `model-${sizeBytes}.onnx`);
  await writeFile(path, Buffer.alloc(sizeBytes, 7));
  return multipartBody({ model: "m-1", task: "mnist" }, { field: "file", path, filename: "model.onnx", sizeBytes });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "frugal-client-"));
  server = createServer((req, res) => handler(req, res));
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((closed) => server.close(closed));
  await rm(dir, { recursive: true, force: true });
});

describe("the API client", () => {
  it("streams the upload with its Content-Length and reports the bytes sent, up to all of them", async () => {
    let received = 0;
    let announced = "";
    handler = (req, res) => {
      announced = req.headers["content-length"] ?? "";
      req.on("data", (chunk: Buffer) => (received += chunk.byteLength));
      req.on("end", () => json(res, 201, { id: "s1", status: "queued", statusUrl: `${url}/api/v1/submissions/s1` }));
    };
    const body = await bodyOf(3_000_000);
    const sent: number[] = [];
    const created = await createApiClient(url, "fb_t").submit(body, (bytes) => sent.push(bytes));
    expect(created).toEqual({ id: "s1", alreadySubmitted: false });
    expect(Number(announced)).toBe(body.lengthBytes);
    expect(received).toBe(body.lengthBytes);
    expect(sent.length).toBeGreaterThan(10);
    expect(sent.every((bytes, i) => i === 0 || bytes > sent[i - 1])).toBe(true);
    expect(sent.at(-1)).toBe(body.lengthBytes);
  });

  it("follows an earlier submission of the same file when the server answers 200", async () => {
    handler = (req, res) => {
      req.resume();
      req.on("end", () => json(res, 200, { id: "earlier", status: "succeeded", statusUrl: `${url}/api/v1/submissions/earlier` }));
    };
    expect(await createApiClient(url, "fb_t").submit(await bodyOf(1000), () => {})).toEqual({ id: "earlier", alreadySubmitted: true });
  });

  it("reports the server's refusal even when it answers before reading a large upload", async () => {
    handler = (_req, res) => json(res, 401, { error: { code: "unauthorized", message: "This API token is unknown or revoked: create a new one." } });
    const refusal = await createApiClient(url, "fb_bad")
      .submit(await bodyOf(30_000_000), () => {})
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiRefusal);
    expect(refusal).toMatchObject({ httpStatus: 401, code: "unauthorized", message: "This API token is unknown or revoked: create a new one." });
  });

  it("keeps the rule of a refused model", async () => {
    handler = (_req, res) => json(res, 422, { error: { code: "invalid_model", message: "The model has two inputs.", rule: "inputs" } });
    await expect(createApiClient(url).submission("x")).rejects.toMatchObject({ httpStatus: 422, code: "invalid_model", rule: "inputs" });
  });

  it("calls a 5xx with the server's message, and an answer that is not the API's, unavailable", async () => {
    handler = (_req, res) => json(res, 503, { error: { code: "service_unavailable", message: "The database is unavailable; try again in a minute." } });
    const failed = await createApiClient(url).submission("x").catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(ServerUnavailable);
    expect(failed).toMatchObject({ code: "service_unavailable", httpStatus: 503, message: "The server failed (HTTP 503): The database is unavailable; try again in a minute." });

    handler = (_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html><body>Bad Gateway</body></html>");
    };
    await expect(createApiClient(url).submission("x")).rejects.toMatchObject({
      code: "bad_answer",
      message: `The server at ${url} answered HTTP 502 without a frugalboard answer; is --server the frugalboard site?`,
    });

    handler = (_req, res) => json(res, 200, { hello: "world" });
    await expect(createApiClient(url).submission("x")).rejects.toThrow(`The server at ${url} sent a submission's state this CLI cannot read`);
  });

  it("sends the token and asks for the id it was given, escaped", async () => {
    let seen: { url?: string; authorization?: string } = {};
    handler = (req, res) => {
      seen = { url: req.url, authorization: req.headers.authorization };
      json(res, 404, { error: { code: "not_found", message: "No submission with id `a/b`." } });
    };
    await expect(createApiClient(url, "fb_secret").submission("a/b")).rejects.toBeInstanceOf(ApiRefusal);
    expect(seen).toEqual({ url: "/api/v1/submissions/a%2Fb", authorization: "Bearer fb_secret" });
  });
});
