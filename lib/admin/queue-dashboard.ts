// The queue dashboard (bull-board) at /admin/queues, for administrators only. scripts/web-server.ts puts it in front
// of Next.js: every request under the path is checked here first — the session cookie against PostgreSQL, the
// user's role, and for requests that change something (retry, clean, pause) that they come from this site's pages.
// Anonymous: a page request is sent to sign in, anything else gets 401; a signed-in non-admin gets 403.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { ExpressAdapter } from "@bull-board/express";
import { readSessionCookie } from "../auth/cookie";
import { assertSameOrigin, isSafeMethod } from "../auth/csrf";
import { findSessionUser } from "../auth/sessions";
import type { Db } from "../db/client";
import { isAppError } from "../errors";
import { QUEUE_NAMES } from "../queue/contracts";
import { getQueue } from "../queue/get-queue";

export const QUEUE_DASHBOARD_PATH = "/admin/queues";

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(", "));
  }
  return headers;
}

function answer(res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...extra }).end(message);
}

/** Made on the first admin request, so the web server starts (and serves the site) while the queue is down. */
async function createBoardApp(): Promise<Listener> {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  const queues = await Promise.all(Object.values(QUEUE_NAMES).map((name) => getQueue(name)));
  createBullBoard({ queues: queues.map((queue) => new BullMQAdapter(queue as unknown as ConstructorParameters<typeof BullMQAdapter>[0])), serverAdapter, options: { uiConfig: { boardTitle: "frugalboard" } } });
  // The adapter's router is an Express app of its own, with routes below the dashboard's path.
  const app = serverAdapter.getRouter() as Listener & { disable(setting: string): void };
  app.disable("x-powered-by");
  return (req, res) => {
    const rest = (req.url ?? "").slice(QUEUE_DASHBOARD_PATH.length);
    req.url = rest.startsWith("/") ? rest : `/${rest}`;
    app(req, res);
  };
}

/** A request handler that serves the dashboard to admins and returns false for every other path. */
export function createQueueDashboard(db: Db): (req: IncomingMessage, res: ServerResponse) => boolean {
  let board: Promise<Listener> | undefined;

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const headers = toHeaders(req);
    const user = await findSessionUser(db, readSessionCookie(headers));
    if (!user) {
      if (req.method === "GET" || req.method === "HEAD") {
        res.writeHead(302, { Location: `/signin?next=${encodeURIComponent(QUEUE_DASHBOARD_PATH)}`, "Cache-Control": "no-store" }).end();
      } else {
        answer(res, 401, "Sign in as an administrator to use the queue dashboard.");
      }
      return;
    }
    if (user.role !== "ADMIN") return answer(res, 403, "The queue dashboard is for administrators only.");
    if (!isSafeMethod(req.method ?? "GET")) assertSameOrigin(headers);
    board ??= createBoardApp();
    board.catch(() => (board = undefined));
    (await board)(req, res);
  }

  return (req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (path !== QUEUE_DASHBOARD_PATH && !path.startsWith(`${QUEUE_DASHBOARD_PATH}/`)) return false;
    serve(req, res).catch((error: Error) => {
      if (res.headersSent) return void res.end();
      if (isAppError(error)) return answer(res, error.httpStatus, error.message);
      console.error(`[queues] ${error.message}`);
      answer(res, 503, "The queue dashboard is unavailable (is the queue's PostgreSQL or Redis running?); try again in a minute.");
    });
    return true;
  };
}
