// What owners and admins may do to a model: edit its metadata (and rename it), delete it, and — admins only —
// hide it. Unknown → 404, someone else's → 403. A former slug finds the model as the current one does.
import type { Principal } from "../auth/authenticate";
import type { ModelPatch } from "../api/schemas/inputs";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { clearPublicCaches } from "../cache/clear-public-caches";
import { renameModel } from "./rename-model";
import { resolveModel } from "./resolve-model";

export interface ModelMetadata {
  slug: string;
  name: string;
  owner: string;
  description: string | null;
  paperUrl: string | null;
  codeUrl: string | null;
  licence: string | null;
  hidden: boolean;
}

interface FoundModel {
  id: string;
  slug: string;
  ownerId: string;
}

/** The model, when `actor` may change it: its owner or an admin (`adminOnly`: an admin). */
export async function modelForChange(db: Db, slug: string, actor: Principal, opts: { adminOnly?: boolean } = {}): Promise<FoundModel> {
  const resolved = await resolveModel(db, slug);
  // A hidden model is unknown to all but admins, even to its owner's API calls (its page is gone too).
  if (!resolved || (resolved.hidden && actor.role !== "ADMIN")) {
    throw new AppError("not_found", `No model \`${slug.slice(0, 64)}\`.`);
  }
  const model = await db.model.findUniqueOrThrow({ where: { id: resolved.id }, select: { id: true, slug: true, ownerId: true } });
  if (actor.role === "ADMIN") return model;
  if (opts.adminOnly) throw new AppError("forbidden", "Only an administrator can hide or unhide a model.");
  if (model.ownerId !== actor.id) throw new AppError("forbidden", `The model \`${model.slug}\` belongs to another user; only its owner or an administrator can change it.`);
  return model;
}

export async function modelMetadata(db: Db, modelId: string): Promise<ModelMetadata> {
  const row = await db.model.findUniqueOrThrow({ where: { id: modelId }, include: { owner: { select: { username: true } } } });
  return {
    slug: row.slug,
    name: row.name,
    owner: row.owner.username,
    description: row.description,
    paperUrl: row.paperUrl,
    codeUrl: row.codeUrl,
    licence: row.licence,
    hidden: row.hiddenAt !== null,
  };
}

export async function updateModel(db: Db, model: FoundModel, patch: ModelPatch): Promise<ModelMetadata> {
  const { slug, ...fields } = patch;
  if (slug !== undefined) await renameModel(db, model.id, slug);
  if (Object.keys(fields).length > 0) await db.model.update({ where: { id: model.id }, data: fields });
  clearPublicCaches();
  return modelMetadata(db, model.id);
}

/** Deletes the model with its submissions and results (and former slugs); artifacts stay, as others may share them. */
export async function deleteModel(db: Db, model: FoundModel): Promise<{ slug: string; deleted: true; submissions: number }> {
  const submissions = await db.submission.count({ where: { modelId: model.id } });
  await db.model.delete({ where: { id: model.id } });
  clearPublicCaches();
  return { slug: model.slug, deleted: true, submissions };
}

export async function setModelHidden(db: Db, model: FoundModel, hidden: boolean): Promise<ModelMetadata> {
  await db.model.update({ where: { id: model.id }, data: { hiddenAt: hidden ? new Date() : null } });
  clearPublicCaches();
  return modelMetadata(db, model.id);
}
