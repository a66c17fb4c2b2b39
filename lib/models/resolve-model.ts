// A model is found by its slug or by a former slug (ModelAlias), so links and badges survive a rename. The
// caller decides what an alias means: pages and the API redirect to the current slug, badges answer directly.
import type { Db } from "../db/client";

export interface ResolvedModel {
  id: string;
  slug: string;
  /** True when the slug asked for is a former one: `slug` is the current one. */
  viaAlias: boolean;
}

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/;

export async function resolveModel(db: Db, slug: string): Promise<ResolvedModel | null> {
  const wanted = slug.toLowerCase();
  if (!SLUG.test(wanted)) return null;
  const model = await db.model.findUnique({ where: { slug: wanted }, select: { id: true, slug: true } });
  if (model) return { ...model, viaAlias: false };
  const alias = await db.modelAlias.findUnique({ where: { slug: wanted }, select: { model: { select: { id: true, slug: true } } } });
  return alias ? { ...alias.model, viaAlias: true } : null;
}
