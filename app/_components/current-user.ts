// The signed-in user of the page being rendered (from the session cookie), or null. Reading it makes a page
// dynamic, so only pages that need it call it; the header's user menu asks /api/v1/auth/me from the browser.
import { headers } from "next/headers";
import { readSessionCookie } from "@/lib/auth/cookie";
import { findSessionUser, type SessionUser } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db/client";

export async function currentUser(): Promise<SessionUser | null> {
  return findSessionUser(getDb(), readSessionCookie(await headers()));
}
