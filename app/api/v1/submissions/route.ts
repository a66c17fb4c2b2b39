import { requireUser } from "@/lib/auth/authenticate";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { readFormData } from "@/lib/http/read-form";
import { publicBaseUrl, withErrors } from "@/lib/http/respond";
import { createSubmission } from "@/lib/submissions/create-submission";
import { TRAINING_FIELDS, trainingFromForm } from "@/lib/training/training-from-form";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * POST /api/v1/submissions — multipart: file, model, task (+ optional name, description, paperUrl, codeUrl,
 * licence; training emissions as reported: a CodeCarbon emissions.csv in `trainingEmissions` and/or the fields
 * trainingEnergyKwh, trainingEmissionsKg, trainingHardware, trainingDurationS, trainingLocation, trainingType,
 * trainingSource); Bearer token or session cookie. 201 { id, status, statusUrl } for a new submission; 200 with the same
 * shape for a duplicate upload (same file, model, task and harness version): the existing submission.
 */
export const POST = withErrors(async (request: Request) => {
  const db = getDb();
  const user = await requireUser(request, db);
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError("invalid_request", "Send the submission as multipart/form-data with the fields file, model and task.");
  }
  const form = await readFormData(request, getEnv().FRUGAL_MAX_MODEL_BYTES);
  const file = form.get("file");
  const fields = Object.fromEntries(
    ["model", "task", "name", "description", "paperUrl", "codeUrl", "licence"].flatMap((key) => {
      const value = form.get(key);
      return typeof value === "string" && value !== "" ? [[key, value]] : [];
    }),
  );
  const bytes = file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : null;
  const csv = form.get("trainingEmissions");
  const typed = Object.fromEntries(TRAINING_FIELDS.flatMap((key) => (typeof form.get(key) === "string" ? [[key, form.get(key) as string]] : [])));
  const training = trainingFromForm(typed, csv instanceof Blob ? (csv.size > 0 ? await csv.text() : null) : csv || null);
  const { duplicate, ...created } = await createSubmission(db, user, fields, bytes, training);
  const statusUrl = `${publicBaseUrl(request, getEnv().FRUGAL_PUBLIC_URL)}/api/v1/submissions/${created.id}`;
  return Response.json({ ...created, statusUrl }, { status: duplicate ? 200 : 201, headers: { Location: statusUrl } });
});
