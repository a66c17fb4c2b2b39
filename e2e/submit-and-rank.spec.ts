import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { e2eDatabaseUrl } from "../lib/testing/test-env";

const MODEL = join(process.cwd(), "benchmarks", "tasks", "mnist", "baselines", "mnist-logreg.onnx");

function createToken(user: string): string {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/token-create.ts", "--user", user], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl },
    encoding: "utf8",
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.trim().split("\n").at(-1) ?? "";
}

test("upload a model through /submit, watch its progress, and find it on the mnist board", async ({ page }) => {
  const token = createToken("e2e-researcher");
  expect(token).toMatch(/^fb_/);

  await page.goto("/submit");
  await page.getByLabel("ONNX file").setInputFiles(MODEL);
  await page.getByLabel("Model name").fill("e2e-logreg");
  await page.getByLabel("Task").selectOption("mnist");
  await page.getByLabel("API token").fill(token);
  await page.getByRole("button", { name: "Submit" }).click();

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

test("a file that is not an ONNX model is refused on the form with a message that says why", async ({ page }) => {
  const token = createToken("e2e-careless");
  await page.goto("/submit");
  await page.getByLabel("ONNX file").setInputFiles({ name: "notes.onnx", mimeType: "application/octet-stream", buffer: Buffer.from("these are my notes, not a model") });
  await page.getByLabel("Model name").fill("e2e-not-a-model");
  await page.getByLabel("API token").fill(token);
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("form", { name: "Submit a model" }).getByRole("alert")).toContainText(/ONNX/i);
  await expect(page).toHaveURL(/\/submit$/);
});
