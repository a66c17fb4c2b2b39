import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { e2eDatabaseUrl } from "../lib/testing/test-env";

let resultId = "";

test.beforeAll(() => {
  const run = spawnSync(process.execPath, ["--import", "tsx", "e2e/seed-citable.ts"], { env: { ...process.env, DATABASE_URL: e2eDatabaseUrl }, encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  resultId = run.stdout.trim();
});

test("the model page shows the energy label, SCI, and a Cite this result box that copies BibTeX", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/models/e2e-citable");
  const label = page.getByTestId("label-panel-mnist").getByTestId("energy-label");
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

  const cite = page.getByTestId("label-panel-mnist").getByTestId("cite-box");
  await cite.getByRole("button", { name: "Copy BibTeX" }).click();
  await expect(cite.getByRole("button", { name: "Copied" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^@misc\{frugalboard-e2e-citable-mnist-/);
  expect(copied).toContain(`/results/${resultId}}`);
  expect(copied).toContain(`Result ${resultId}, measured`);
  expect(copied).toContain("harness 1.0.0");
  await expect(cite.locator('[data-snippet="LaTeX figure"]')).toContainText("\\includegraphics");
  await expect(cite.locator('[data-snippet="Model card (Hugging Face README)"]')).toContainText("co2_eq_emissions:");

  await page.getByTestId("label-panel-mnist").getByRole("link", { name: "Permanent result page" }).click();
  await expect(page).toHaveURL(new RegExp(`/results/${resultId}$`));
  await expect(page.locator('[data-standing="current"]')).toBeVisible();
  await expect(page.getByTestId("result-provenance")).toContainText("Dataset manifest SHA-256");
  const pinned = page.getByTestId("energy-label");
  await expect.poll(() => pinned.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
});

test("the label's PNG and PDF and the open data are served to a browser", async ({ page }) => {
  const png = await page.request.get(`/label/e2e-citable/mnist.png?result=${resultId}`);
  expect(png.headers()["content-type"]).toBe("image/png");
  const pdf = await page.request.get(`/label/e2e-citable/mnist.pdf?result=${resultId}`);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await page.goto("/data");
  await expect(page.getByTestId("data-licence")).toContainText("CC BY 4.0");
  await expect(page.getByTestId("data-dictionary")).toContainText("energy_per_inference_j");
  expect(await (await page.request.get("/api/v1/results.csv")).text()).toContain(resultId);
});
