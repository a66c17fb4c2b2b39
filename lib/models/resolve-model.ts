// A model is found by its slug or by a former slug (ModelAlias), so links and badges survive a rename. The
// caller decides what an alias means: pages and the API redirect to the current slug, badges answer directly.
import type { Db } from "../db/client";

export interface ResolvedModel {
  id: string;
  slug: string;
  /** True when the slug asked for is a former one: `slug` is the current one. */
  viaAlias: boolean;
  /** Hidden by an admin: callers answer as if it did not exist, except to admins. */
  hidden: boolean;
}

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/;

export async function resolveModel(db: Db, slug: string): Promise<ResolvedModel | null> {
  const wanted = slug.toLowerCase();
  if (!SLUG.test(wanted)) return null;
  const select = { id: true, slug: true, hiddenAt: true } as const;
  const model = await db.model.findUnique({ where: { slug: wanted }, select });
  if (model) return { id: model.id, slug: model.slug, viaAlias: false, hidden: model.hiddenAt !== null };
  const alias = await db.modelAlias.findUnique({ where: { slug: wanted }, select: { model: { select } } });
  return alias ? { id: alias.model.id, slug: alias.model.slug, viaAlias: true, hidden: alias.model.hiddenAt !== null } : null;
}
