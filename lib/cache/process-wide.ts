// One instance per process under a name, whichever copy of a module asks for it. The web server holds two copies of
// lib/: the one scripts/web-server.ts loads (the badge fast path) and the one Next.js bundles for its routes. A cache
// made at module level would be two caches, and a route that clears its own (clearPublicCaches, after a moderation
// change) would leave the fast path answering from the other for up to a minute.
const REGISTRY = Symbol.for("frugalboard.process-wide");

type Holder = { [REGISTRY]?: Map<string, unknown> };

export function processWide<T>(name: string, create: () => T): T {
  const holder = globalThis as Holder;
  const registry = (holder[REGISTRY] ??= new Map<string, unknown>());
  if (!registry.has(name)) registry.set(name, create());
  return registry.get(name) as T;
}
