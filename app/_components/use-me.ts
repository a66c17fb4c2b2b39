"use client";

import { useEffect, useState } from "react";

export type Me = { username: string; role: string } | null;

/**
 * Who the browser is signed in as, asked from /api/v1/auth/me: undefined while asking, null when nobody. Pages
 * that everyone shares (boards, model pages) stay the same for all and let the browser add what is personal.
 */
export function useMe(): Me | undefined {
  const [me, setMe] = useState<Me | undefined>(undefined);
  useEffect(() => {
    let live = true;
    fetch("/api/v1/auth/me", { cache: "no-store" })
      .then((response) => (response.ok ? response.json() : { user: null }))
      .then((body: { user: Me }) => live && setMe(body.user))
      .catch(() => live && setMe(null));
    return () => {
      live = false;
    };
  }, []);
  return me;
}
