import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { signUp } from "./sign-up";

const MODEL = join(process.cwd(), "benchmarks", "tasks", "mnist", "baselines", "mnist-logreg.onnx");

test("upload a model through /submit, watch its progress, and find it on the mnist board", async ({ page }) => {
  // /submit asks who you are first, then brings you back.
  await page.goto("/submit");
  await expect(page).toHaveURL(/\/signin\?next=%2Fsubmit$|\/signin\?next=\/submit$/);
  await signUp(page, "e2e-researcher", "/submit");
  await expect(page).toHaveURL(/\/submit$/);

  await page.getByLabel("ONNX file").setInputFiles(MODEL);
  await page.getByLabel("Model slug").fill("e2e-logreg");
  await page.getByLabel("Task").selectOption("mnist");
  await page.getByLabel("Display name").fill("E2E logistic regression");
  await page.getByLabel("Paper URL").fill("https://arxiv.org/abs/0000.00001");
  await page.getByLabel("Licence").fill("MIT");
  await page.getByRole("button", { name: "Submit" }).click();
  // The upload's own progress bar shows before the page moves on (a small file: it may already be full).
  await expect(page.getByRole("progressbar", { name: "Upload" })).toBeAttached();

  await expect(page).toHaveURL(/\/submissions\/[a-z0-9]+$/);
  const bar = page.getByRole("progressbar");
  const status = page.getByTestId("status");
  // The bar moves: it is seen between 0 and 100 while the worker runs, then the result shows.
  const seen = new Set<number>();
  await expect
    .poll(
      async () => {
        seen.add(Number(await bar.getAttribute("aria-valuenow")));
        return status.textContent();
      },
      { timeout: 170_000, intervals: [250] },
    )
    .toBe("succeeded");
  expect([...seen].some((value) => value > 0 && value < 100)).toBe(true);
  await expect(page.getByTestId("result")).toContainText("Accuracy per joule");
  await expect(page.getByTestId("result")).toContainText("estimated");

  await page.getByRole("link", { name: /See the mnist board/ }).click();
  await expect(page).toHaveURL(/\/tasks\/mnist$/);
  await expect(page.locator('tr[data-model="e2e-logreg"]')).toBeVisible();
});

test("a file that is not an ONNX model is refused on the form, before uploading, with a message that says why", async ({ page }) => {
  await signUp(page, "e2e-careless", "/submit");
  let uploads = 0;
  page.on("request", (request) => {
    if (request.url().endsWith("/api/v1/submissions") && request.method() === "POST") uploads += 1;
  });
  await page.getByLabel("ONNX file").setInputFiles({ name: "notes.onnx", mimeType: "application/octet-stream", buffer: Buffer.from("these are my notes, not a model") });
  await page.getByLabel("Model slug").fill("e2e-not-a-model");
  await page.getByRole("button", { name: "Submit" }).click();
  const alert = page.getByRole("form", { name: "Submit a model" }).getByRole("alert");
  await expect(alert).toContainText("does not start like an ONNX model");
  await page.getByLabel("ONNX file").setInputFiles({ name: "model.pt", mimeType: "application/zip", buffer: Buffer.from("PK\u0003\u0004 a torch checkpoint") });
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(alert).toContainText("zip archive");
  expect(uploads).toBe(0);
  await expect(page).toHaveURL(/\/submit$/);
});
