// The answer to a successful sign-in or sign-up: who is signed in, and the new session's cookie; and the route that
// both share.
import { readJsonObject } from "../api/parse-input";
import { getDb, type Db } from "../db/client";
import { clientIp } from "../http/client-ip";
import { withErrors } from "../http/respond";
import type { SignedIn } from "./accounts";
import { takeAuthAttempt } from "./attempt-limit";
import { sessionCookie } from "./cookie";
import { assertSameOrigin } from "./csrf";

export function signedInResponse(request: Request, signedIn: SignedIn, status: number): Response {
  return Response.json(
    { user: { username: signedIn.user.username, role: signedIn.user.role.toLowerCase() } },
    { status, headers: { "Set-Cookie": sessionCookie(request.headers, signedIn.sessionId, signedIn.expiresAt), "Cache-Control": "no-store" } },
  );
}

/**
 * A sign-in or sign-up route: same origin only, one attempt off the client's per-IP allowance, then the action on
 * the request's JSON object; its session answered with `status`.
 */
export function signedInRoute(action: (db: Db, input: unknown) => Promise<SignedIn>, status: number): (request: Request) => Promise<Response> {
  return withErrors(async (request: Request) => {
    assertSameOrigin(request.headers);
    const db = getDb();
    await takeAuthAttempt(db, clientIp(request.headers));
    return signedInResponse(request, await action(db, await readJsonObject(request)), status);
  });
}
