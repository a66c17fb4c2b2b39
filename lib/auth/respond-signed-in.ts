// The answer to a successful sign-in or sign-up: who is signed in, and the new session's cookie.
import type { SignedIn } from "./accounts";
import { sessionCookie } from "./cookie";

export function signedInResponse(request: Request, signedIn: SignedIn, status: number): Response {
  return Response.json(
    { user: { username: signedIn.user.username, role: signedIn.user.role.toLowerCase() } },
    { status, headers: { "Set-Cookie": sessionCookie(request.headers, signedIn.sessionId, signedIn.expiresAt), "Cache-Control": "no-store" } },
  );
}
