"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import { useMe, type Me } from "@/app/_components/use-me";

interface OwnerScopeValue {
  /** The signed-in user owns the model or is an admin. */
  canManage: boolean;
  admin: boolean;
}

const OwnerScopeContext = createContext<OwnerScopeValue>({ canManage: false, admin: false });

type Viewer = "pending" | "anonymous" | "other" | "owner" | "admin";

function viewerOf(me: Me | undefined, owner: string): Viewer {
  if (me === undefined) return "pending";
  if (me === null) return "anonymous";
  if (me.role === "admin") return "admin";
  return me.username === owner ? "owner" : "other";
}

/**
 * Decides in the browser whether the viewer may manage the model, so the page itself is the same for everyone
 * (and cacheable); the controls inside ask `useOwnerScope()`. The API checks again on every change. The wrapper
 * says who is looking in `data-viewer`, so a test can tell "no controls" from "not decided yet".
 */
export function OwnerScope({ owner, className, children }: { owner: string; className?: string; children: ReactNode }) {
  const viewer = viewerOf(useMe(), owner);
  const value = useMemo(() => ({ admin: viewer === "admin", canManage: viewer === "admin" || viewer === "owner" }), [viewer]);
  return (
    <OwnerScopeContext.Provider value={value}>
      <div className={className} data-testid="owner-scope" data-viewer={viewer}>
        {children}
      </div>
    </OwnerScopeContext.Provider>
  );
}

export function useOwnerScope(): OwnerScopeValue {
  return useContext(OwnerScopeContext);
}
