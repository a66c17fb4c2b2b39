// Renaming a model keeps its old slug as an alias, so every link, citation and badge that names it keeps working.
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { zModelSlug } from "../api/schemas/inputs";

export async function renameModel(db: Db, modelId: string, rawSlug: string): Promise<{ slug: string; formerSlug: string }> {
  const parsed = zModelSlug.safeParse(rawSlug);
  if (!parsed.success) throw new AppError("invalid_request", `The new model name ${parsed.error.issues[0].message}.`);
  const slug = parsed.data;
  return db.$transaction(async (tx) => {
    const model = await tx.model.findUnique({ where: { id: modelId } });
    if (!model) throw new AppError("not_found", "No such model.");
    if (model.slug === slug) return { slug, formerSlug: model.slug };
    const taken = await tx.model.findUnique({ where: { slug } });
    const aliased = await tx.modelAlias.findUnique({ where: { slug } });
    if (taken || (aliased && aliased.modelId !== modelId)) {
      throw new AppError("conflict", `The model name \`${slug}\` is taken (now or formerly) by another model; choose another.`);
    }
    // Taking back one of its own former names: that alias would now shadow nothing, so it goes.
    if (aliased) await tx.modelAlias.delete({ where: { slug } });
    await tx.modelAlias.create({ data: { slug: model.slug, modelId } });
    await tx.model.update({ where: { id: modelId }, data: { slug } });
    return { slug, formerSlug: model.slug };
  });
}
