import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { e2eDatabaseUrl } from "../lib/testing/test-env";
import { signUp } from "./sign-up";

const MODEL = join(process.cwd(), "benchmarks", "tasks", "mnist", "baselines", "mnist-logreg.onnx");
const CODECARBON =
  "timestamp,project_name,run_id,duration,emissions,emissions_rate,energy_consumed,country_name,region,codecarbon_version,cpu_model,gpu_model\n" +
  "2024-05-27T10:49:55,codecarbon,r1,3000,0.02,6.7e-06,0.3,France,,2.4.2,Intel Xeon,1 x NVIDIA T4\n" +
  "2024-05-27T11:49:55,codecarbon,r2,600,0.004,6.7e-06,0.06,France,,2.4.2,Intel Xeon,1 x NVIDIA T4\n";

let resultId = "";

test.beforeAll(() => {
  const run = spawnSync(process.execPath, ["--import", "tsx", "e2e/seed-citable.ts"], { env: { ...process.env, DATABASE_URL: e2eDatabaseUrl }, encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  resultId = run.stdout.trim();
});

test("the model page shows the energy label, SCI, and a Cite this result box that copies BibTeX", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/models/e2e-citable");
  const label = page.getByTestId("label-panel-fashion-mnist").getByTestId("energy-label");
  await expect(label).toBeVisible();
  // The image really loaded (an SVG the browser could draw), not a broken image icon.
  await expect.poll(() => label.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

  await expect(page.getByTestId("sci").first()).toContainText("a conversion, not a measurement; never ranked");
  await expect(page.getByTestId("sci-per-inference").first()).toContainText("g CO₂e");

  const training = page.getByTestId("training");
  await expect(training.locator("em")).toHaveText("reported");
  await expect(training).toContainText("Emissions (reported)");
  await expect(training).toContainText("not measured here, never ranked");
  // 0.5 kWh = 1.8 MJ over 12 µJ per inference: 150 billion inferences.
  await expect(page.getByTestId("life-cycle")).toContainText("Inference energy overtakes training energy after 150B inferences.");

  const cite = page.getByTestId("label-panel-fashion-mnist").getByTestId("cite-box");
  await cite.getByRole("button", { name: "Copy BibTeX" }).click();
  await expect(cite.getByRole("button", { name: "Copied" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^@misc\{frugalboard-e2e-citable-fashion-mnist-/);
  expect(copied).toContain(`/results/${resultId}}`);
  expect(copied).toContain(`Result ${resultId}, measured`);
  expect(copied).toContain("harness 1.0.0");
  await expect(cite.locator('[data-snippet="LaTeX figure"]')).toContainText("\\includegraphics");
  await expect(cite.locator('[data-snippet="Model card (Hugging Face README)"]')).toContainText("co2_eq_emissions:");

  await page.getByTestId("label-panel-fashion-mnist").getByRole("link", { name: "Permanent result page" }).click();
  await expect(page).toHaveURL(new RegExp(`/results/${resultId}$`));
  await expect(page.locator('[data-standing="current"]')).toBeVisible();
  await expect(page.getByTestId("result-provenance")).toContainText("Dataset manifest SHA-256");
  const pinned = page.getByTestId("energy-label");
  await expect.poll(() => pinned.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
});

test("the label's PNG and PDF and the open data are served to a browser", async ({ page }) => {
  const png = await page.request.get(`/label/e2e-citable/fashion-mnist.png?result=${resultId}`);
  expect(png.headers()["content-type"]).toBe("image/png");
  const pdf = await page.request.get(`/label/e2e-citable/fashion-mnist.pdf?result=${resultId}`);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await page.goto("/data");
  await expect(page.getByTestId("data-licence")).toContainText("CC BY 4.0");
  await expect(page.getByTestId("data-dictionary")).toContainText("energy_per_inference_j");
  expect(await (await page.request.get("/api/v1/results.csv")).text()).toContain(resultId);
});

test("a model submitted with a CodeCarbon file: training reported with its break-even, label, permanent page, model card, open data", async ({ page }) => {
  test.setTimeout(300_000);
  await signUp(page, "e2e-citer", "/submit");
  await page.getByLabel("ONNX file").setInputFiles(MODEL);
  await page.getByLabel("Model slug").fill("e2e-trained");
  await page.getByLabel("Task").selectOption("mnist");
  await page.getByLabel("CodeCarbon emissions.csv").setInputFiles({ name: "emissions.csv", mimeType: "text/csv", buffer: Buffer.from(CODECARBON) });
  await page.getByLabel("Training type").selectOption("fine-tuning");
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page).toHaveURL(/\/submissions\/[a-z0-9]+$/);
  await expect.poll(() => page.getByTestId("status").textContent(), { timeout: 240_000, intervals: [500] }).toBe("succeeded");

  await page.goto("/models/e2e-trained");
  const training = page.getByTestId("training");
  await expect(training.locator("em")).toHaveText("reported");
  await expect(training).toContainText("CodeCarbon 2.4.2 emissions.csv (2 runs)");
  await expect(training).toContainText("fine-tuning");
  await expect(page.getByTestId("life-cycle")).toContainText("Inference energy overtakes training energy after");
  const label = page.getByTestId("label-panel-mnist").getByTestId("energy-label");
  await expect.poll(() => label.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  const card = page.getByTestId("label-panel-mnist").locator('[data-snippet="Model card (Hugging Face README)"]');
  // 0.024 kg CO2e reported = 24 g, Hugging Face's unit.
  await expect(card).toContainText("emissions: 24");
  await expect(card).toContainText('training_type: "fine-tuning"');

  await page.getByTestId("label-panel-mnist").getByRole("link", { name: "Permanent result page" }).click();
  await expect(page.locator('[data-standing="current"]')).toBeVisible();
  const id = page.url().split("/").pop() ?? "";
  for (const format of ["svg", "png", "pdf"]) expect((await page.request.get(`/label/e2e-trained/mnist.${format}?result=${id}`)).status()).toBe(200);
  expect(await (await page.request.get("/api/v1/results.jsonl")).text()).toContain(`"result_id":"${id}"`);
});
