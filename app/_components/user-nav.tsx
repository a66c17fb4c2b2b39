"use client";

import Link from "next/link";
import { useMe } from "./use-me";

/** The header's account links. Asked from the browser, so cached pages (boards) stay the same for everyone. */
export function UserNav() {
  const me = useMe();

  async function signOut() {
    await fetch("/api/v1/auth/signout", { method: "POST" }).catch(() => undefined);
    window.location.assign("/");
  }

  if (me === undefined) return <span className="ml-auto" aria-hidden="true" />;
  if (me === null) {
    return (
      <span className="ml-auto flex gap-4">
        <Link href="/signin">Sign in</Link>
        <Link href="/signup">Sign up</Link>
      </span>
    );
  }
  return (
    <span className="ml-auto flex items-center gap-4">
      <span data-testid="signed-in-user">
        Signed in as <strong>{me.username}</strong>
        {me.role === "admin" ? " (admin)" : ""}
      </span>
      <Link href="/tokens">Tokens</Link>
      {me.role === "admin" ? <a href="/admin/queues">Queues</a> : null}
      <button type="button" onClick={signOut} className="underline">
        Sign out
      </button>
    </span>
  );
}
