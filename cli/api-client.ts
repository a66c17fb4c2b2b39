// The CLI's side of the REST API (docs/architecture.md, "REST API"): a streamed upload with byte progress, and the
// submission's state. Only HTTP: the CLI never touches the database or the queue. Every failure becomes one of
// two errors that say what happened: ApiRefusal (the server said no, with its own message) or ServerUnavailable.
import { once } from "node:events";
import http from "node:http";
import https from "node:https";
import { z } from "zod";
import type { MultipartBody } from "./multipart";

/** The server refused the request (4xx): its `{ error: { code, message } }`. */
export class ApiRefusal extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: string,
    message: string,
    readonly rule?: string,
  ) {
    super(message);
  }
}

/** No usable answer: the server cannot be reached, failed (5xx), or is not a frugalboard API. Try again later. */
export class ServerUnavailable extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly httpStatus?: number,
  ) {
    super(message);
  }
}

const zErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), rule: z.string().optional() }) });

/** The fields the CLI reads; the rest of the answer is kept as it came (printed by --json). */
export const zSubmissionState = z.looseObject({
  id: z.string(),
  status: z.enum(["queued", "running", "succeeded", "failed", "rejected", "withdrawn"]),
  progress: z.number(),
  phase: z.string().nullable(),
  queuePosition: z.number().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  model: z.object({ slug: z.string(), name: z.string() }),
  task: z.string(),
  result: z
    .looseObject({ accuracy: z.number(), macroF1: z.number(), energyPerInferenceJ: z.number(), accuracyPerJoule: z.number(), estimated: z.boolean(), meter: z.string() })
    .nullable(),
  rank: z
    .object({
      position: z.number().nullable(),
      // "=3" when tied; made by the server (common/format.ts formatRank), absent from servers before ties.
      display: z.string().nullable().optional(),
      of: z.number(),
      eligible: z.boolean(),
      pareto: z.boolean(),
      board: z.looseObject({ task: z.string(), hardwareProfileId: z.string(), meter: z.string(), url: z.string() }),
    })
    .nullable()
    .optional(),
  badge: z.looseObject({ url: z.string(), markdown: z.string() }).nullable().optional(),
});
export type SubmissionState = z.infer<typeof zSubmissionState>;

const zCreated = z.looseObject({ id: z.string(), status: z.string() });

export const FINAL_STATUSES: ReadonlySet<SubmissionState["status"]> = new Set(["succeeded", "failed", "rejected", "withdrawn"]);

const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ECONNRESET", "EPIPE"]);
const IDLE_TIMEOUT_MS = 60_000;

interface Answer {
  status: number;
  text: string;
}

export interface ApiClient {
  /** POST /api/v1/submissions. `alreadySubmitted`: the server answered 200 with an earlier submission of the same file. */
  submit(body: MultipartBody, onSent: (sentBytes: number) => void): Promise<{ id: string; alreadySubmitted: boolean }>;
  /** GET /api/v1/submissions/ID: the fields the CLI reads, and the answer as it came. */
  submission(id: string): Promise<{ state: SubmissionState; raw: unknown }>;
}

export function createApiClient(server: string, token?: string): ApiClient {
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};

  function send(method: string, path: string, headers: Record<string, string>, body?: MultipartBody, onSent?: (sent: number) => void): Promise<Answer> {
    const url = new URL(`${server}${path}`);
    const transport = url.protocol === "https:" ? https : http;
    return new Promise<Answer>((resolve, reject) => {
      let answered = false;
      const request = transport.request(url, { method, headers: { accept: "application/json", ...headers } });
      request.setTimeout(IDLE_TIMEOUT_MS, () => request.destroy(Object.assign(new Error("no answer"), { code: "ETIMEDOUT" })));
      request.on("error", (error: NodeJS.ErrnoException) => {
        if (answered) return; // the server answered before reading the whole upload (a refusal): the answer counts
        const code = error.code ?? "EIO";
        const why = UNREACHABLE.has(code) ? code : error.message;
        reject(new ServerUnavailable(`Cannot reach the frugalboard server at ${server} (${why}). Is it running? Set --server or FRUGALBOARD_SERVER.`, "unreachable"));
      });
      request.on("response", (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", (error) => reject(new ServerUnavailable(`The connection to ${server} broke: ${error.message}`, "unreachable")));
        response.on("end", () => {
          request.destroy(); // stops an upload the server did not wait for
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") });
        });
      });
      if (!body) {
        request.end();
        return;
      }
      request.setHeader("content-type", body.contentType);
      request.setHeader("content-length", String(body.lengthBytes));
      void (async () => {
        let sent = 0;
        for await (const chunk of body.chunks()) {
          if (answered || request.destroyed) return;
          // Backpressure: wait until the socket took the last chunk, so the count follows the network.
          if (!request.write(chunk)) await once(request, "drain");
          sent += chunk.byteLength;
          onSent?.(sent);
        }
        request.end();
      })().catch((error: Error) => request.destroy(error));
    });
  }

  /** The JSON of a 2xx answer; a refusal or failure as the error it is. */
  function read(answer: Answer): unknown {
    let json: unknown;
    try {
      json = JSON.parse(answer.text);
    } catch {
      json = undefined;
    }
    if (answer.status >= 200 && answer.status < 300 && json !== undefined) return json;
    const error = zErrorBody.safeParse(json);
    if (!error.success) {
      throw new ServerUnavailable(
        `The server at ${server} answered HTTP ${answer.status} without a frugalboard answer; is --server the frugalboard site?`,
        "bad_answer",
        answer.status,
      );
    }
    const { code, message, rule } = error.data.error;
    if (answer.status >= 500) throw new ServerUnavailable(`The server failed (HTTP ${answer.status}): ${message}`, code, answer.status);
    throw new ApiRefusal(answer.status, code, message, rule);
  }

  function expect<T>(schema: z.ZodType<T>, json: unknown, what: string): T {
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ServerUnavailable(`The server at ${server} sent ${what} this CLI cannot read; is it a frugalboard server of this version?`, "bad_answer");
    return parsed.data;
  }

  return {
    async submit(body, onSent) {
      const answer = await send("POST", "/api/v1/submissions", auth, body, onSent);
      const created = expect(zCreated, read(answer), "a submission");
      return { id: created.id, alreadySubmitted: answer.status === 200 };
    },
    async submission(id) {
      const raw = read(await send("GET", `/api/v1/submissions/${encodeURIComponent(id)}`, auth));
      return { state: expect(zSubmissionState, raw, "a submission's state"), raw };
    },
  };
}
