// Training emissions at submission: a CodeCarbon emissions.csv and typed fields go in with the model, come back as
// reported with the submission, and a file that is not CodeCarbon's is refused with a message saying why.
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { closeQueues } from "@/lib/queue/get-queue";
import { baselineBytes, newResearcher, submissionRequest, uniqueSlug } from "@/lib/testing/fixtures";
import { GET as getSubmission } from "./[id]/route";
import { POST as postSubmission } from "./route";

const db = getDb();
const created: string[] = [];
const CODECARBON =
  "timestamp,project_name,run_id,duration,emissions,emissions_rate,energy_consumed,country_name,region,codecarbon_version,cpu_model,gpu_model\n" +
  "2024-05-27T10:49:55,codecarbon,r1,4251.5,0.228,5.3e-05,0.4665,Singapore,,2.4.2,Intel Xeon,1 x NVIDIA A100\n" +
  "2024-05-27T11:31:35,codecarbon,r2,299.5,0.0166,5.5e-05,0.0339,Singapore,,2.4.2,Intel Xeon,1 x NVIDIA A100\n";

afterAll(async () => {
  const models = await db.model.findMany({ where: { slug: { in: created } }, select: { id: true } });
  await db.model.deleteMany({ where: { id: { in: models.map((m) => m.id) } } });
  await closeQueues();
  await db.$disconnect();
});

async function withTraining(request: Request, extra: Record<string, string | Blob>): Promise<Request> {
  const form = await request.formData();
  for (const [name, value] of Object.entries(extra)) form.set(name, value);
  // A new body has a new multipart boundary: only the authorization header carries over.
  return new Request(request.url, { method: "POST", body: form, headers: { authorization: request.headers.get("authorization") ?? "" } });
}

async function submit(extra: Record<string, string | Blob>) {
  const slug = uniqueSlug("training");
  created.push(slug);
  const token = await newResearcher(db, "training");
  // Each under a model of its own, so the same baseline file is never a duplicate upload.
  const request = await withTraining(submissionRequest({ token, model: slug, task: "mnist", file: baselineBytes("mnist-logreg.onnx") }), extra);
  const response = await postSubmission(request);
  return { status: response.status, body: (await response.json()) as { id: string; error?: { code: string; message: string } } };
}

async function view(id: string) {
  const response = await getSubmission(new Request(`http://localhost/api/v1/submissions/${id}`), { params: Promise.resolve({ id }) });
  return response.json();
}

describe("POST /api/v1/submissions with training emissions", () => {
  it("sums a CodeCarbon file's runs and stores them as reported, typed fields winning", async () => {
    const { status, body } = await submit({ trainingEmissions: new Blob([CODECARBON], { type: "text/csv" }), trainingType: "fine-tuning" });
    expect(status).toBe(201);
    const { trainingEmissions } = await view(body.id);
    expect(trainingEmissions).toMatchObject({
      hardware: "Intel Xeon, 1 x NVIDIA A100",
      location: "Singapore",
      trainingType: "fine-tuning",
      source: "CodeCarbon 2.4.2 emissions.csv (2 runs)",
    });
    expect(trainingEmissions.energyKwh).toBeCloseTo(0.5004, 10);
    expect(trainingEmissions.emissionsKg).toBeCloseTo(0.2446, 10);
    expect(trainingEmissions.durationS).toBeCloseTo(4551, 6);
  });

  it("takes typed figures alone, and none at all", async () => {
    const typed = await submit({ trainingEnergyKwh: "3.5", trainingHardware: "2 x V100" });
    expect((await view(typed.body.id)).trainingEmissions).toMatchObject({ energyKwh: 3.5, emissionsKg: null, hardware: "2 x V100", source: "reported by the submitter" });
    const none = await submit({});
    expect((await view(none.body.id)).trainingEmissions).toBeNull();
  });

  it("refuses a file that is not CodeCarbon's, and a figure that is not a number, before anything is stored", async () => {
    const notCodeCarbon = await submit({ trainingEmissions: new Blob(["rank,model_slug\n1,x\n"]) });
    expect(notCodeCarbon.status).toBe(400);
    expect(notCodeCarbon.body.error?.message).toContain("training emissions: this is not a CodeCarbon emissions.csv: its header lacks timestamp, project_name, duration");
    const bad = await submit({ trainingEmissionsKg: "lots" });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toBe('training emissions: `trainingEmissionsKg` must be a number of 0 or more, got "lots".');
    const slugs = created.slice(-2);
    expect(await db.model.count({ where: { slug: { in: slugs } } })).toBe(0);
  });
});
