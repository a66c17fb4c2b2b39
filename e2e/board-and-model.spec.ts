import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { e2eDatabaseUrl } from "../lib/testing/test-env";

const SHOTS = "e2e/screenshots";
const OTHER = "e2e0other0000001";

interface BoardJson {
  hardwareProfileId: string | null;
  profiles: { hardwareProfileId: string; results: number }[];
  entries: { modelSlug: string; rank: number | null }[];
}

test.beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
  const run = spawnSync(process.execPath, ["--import", "tsx", "e2e/seed-board.ts"], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl },
    encoding: "utf8",
  });
  expect(run.status, run.stderr).toBe(0);
});

/** Waits until the worker has benchmarked the three mnist baselines, which makes their profile the default board. */
async function waitForBaselines(page: Page): Promise<BoardJson> {
  let board: BoardJson | undefined;
  await expect
    .poll(
      async () => {
        const response = await page.request.get("/api/v1/leaderboard?task=mnist");
        board = (await response.json()) as BoardJson;
        return board.hardwareProfileId !== OTHER && board.entries.filter((e) => e.modelSlug.startsWith("mnist-")).length;
      },
      { timeout: 240_000, intervals: [2_000] },
    )
    .toBeGreaterThanOrEqual(3);
  return board as BoardJson;
}

async function cellTexts(page: Page, testId: string, column: number): Promise<string[]> {
  return page.getByTestId(testId).locator(`tbody tr td:nth-child(${column})`).allInnerTexts();
}

test("the mnist board: sort a column, hover and click a chart point, filter by profile", async ({ page }) => {
  test.setTimeout(300_000);
  await waitForBaselines(page);
  await page.goto("/tasks/mnist");
  const board = page.getByTestId("board");
  await expect(board.locator("tbody tr")).toHaveCount(3);
  await expect(page.getByTestId("quality-floor")).toHaveText("90% accuracy");
  await expect(page.getByTestId("board-chart").locator("canvas")).toHaveAttribute("data-points", /mnist-/);

  await page.screenshot({ path: `${SHOTS}/board-light.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.waitForTimeout(300); // the chart redraws in the dark palette
  await page.screenshot({ path: `${SHOTS}/board-dark.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });

  // Sort by accuracy: best first on the first click, worst first on the second.
  const percent = (texts: string[]) => texts.map((t) => Number.parseFloat(t));
  await board.getByRole("button", { name: /^Accuracy/ }).first().click();
  await expect(board).toHaveAttribute("data-sort-key", "accuracy");
  const descending = percent(await cellTexts(page, "board", 3));
  expect(descending).toEqual([...descending].sort((a, b) => b - a));
  await board.getByRole("button", { name: /^Accuracy/ }).first().click();
  await expect(board).toHaveAttribute("data-sort-direction", "asc");
  const ascending = percent(await cellTexts(page, "board", 3));
  expect(ascending).toEqual([...descending].reverse());
  await expect(board.locator("th", { hasText: "Accuracy" }).first()).toHaveAttribute("aria-sort", "ascending");

  // Hover a point: the tooltip names the model; click it: its page opens.
  const canvas = page.getByTestId("board-chart").locator("canvas");
  const points = JSON.parse((await canvas.getAttribute("data-points")) ?? "[]") as { slug: string; x: number; y: number }[];
  const target = points.find((p) => p.slug === "mnist-cnn") ?? points[0];
  await canvas.hover({ position: { x: target.x, y: target.y } });
  const tooltip = page.getByTestId("chart-tooltip");
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toHaveAttribute("data-model", target.slug);
  await canvas.click({ position: { x: target.x, y: target.y } });
  await expect(page).toHaveURL(new RegExp(`/models/${target.slug}$`));

  // Filter by hardware profile: the seeded profile's board, with its below-floor entry apart.
  await page.goto("/tasks/mnist");
  await page.getByLabel("Hardware profile").selectOption(OTHER);
  await expect(page).toHaveURL(new RegExp(`/tasks/mnist/${OTHER}/estimate$`));
  await expect(page.getByTestId("board").locator("tbody tr")).toHaveCount(2);
  await expect(page.locator('[data-testid="board"] tr[data-model="e2e-other-fast"]')).toBeVisible();
  await expect(page.locator('[data-testid="below-floor"] tr[data-model="e2e-other-bad"]')).toBeVisible();
  await expect(page.getByTestId("board-profile")).toContainText("Other CPU (e2e seed)");
  // No calibration has run on that profile (the e2e server's worker does not calibrate): the board says so.
  await expect(page.getByTestId("repeatability")).toHaveText("between-run spread not measured yet");
});

test("a board's precision column and filter: the int8 models in one click, a link that keeps the filter", async ({ page }) => {
  // The seeded profile's board (at /tasks/mnist itself while it is the default, before the baselines are measured).
  await page.goto(`/tasks/mnist/${OTHER}/estimate`);
  const boardUrl = page.url().replace(/\?.*$/, "");
  const fast = page.locator('[data-testid="board"] tr[data-model="e2e-other-fast"]');
  await expect(fast.locator("[data-precision]")).toHaveText("int8 (QDQ)");
  await expect(page.locator('[data-testid="board"] tr[data-model="e2e-other-big"] [data-precision]')).toHaveText("float32");
  await expect(page.locator('[data-testid="below-floor"] tr[data-model="e2e-other-bad"] [data-precision]')).toHaveText("int4onnxruntime operators");

  await page.getByTestId("precision-filter").selectOption("int8-qdq");
  await expect(page).toHaveURL(`${boardUrl}?precision=int8-qdq`);
  await expect(page.getByTestId("board").locator("tbody tr")).toHaveCount(1);
  await expect(fast).toBeVisible();
  await expect(page.getByTestId("below-floor")).toHaveCount(0);
  await expect(page.getByTestId("board-counts")).toContainText("showing 1 int8-qdq model");

  await page.reload();
  await expect(page.getByTestId("precision-filter")).toHaveValue("int8-qdq");
  await expect(page.getByTestId("board").locator("tbody tr")).toHaveCount(1);
  await page.getByTestId("precision-filter").selectOption("");
  await expect(page.getByTestId("board").locator("tbody tr")).toHaveCount(2);
  await expect(page).toHaveURL(boardUrl);

  await page.goto("/tasks/mnist");
  await expect(page.getByTestId("check-hint")).toContainText("npx frugalboard check model.onnx --task mnist");
});

test("a model page: results with windows, conversions, badge, and a snippet copied", async ({ page, context }) => {
  test.setTimeout(300_000);
  await waitForBaselines(page);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/models/mnist-cnn");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Small CNN");
  await expect(page.getByTestId("model-result").first()).toContainText("Accuracy per joule");
  await expect(page.getByTestId("windows-offline").first()).toBeVisible();
  await expect(page.getByTestId("environment").first()).toContainText("CO₂e per million inferences (estimated)");
  await expect(page.getByTestId("versions")).toContainText(/[0-9a-f]{64}/);

  const badge = page.locator('img[alt^="frugalboard badge"]').first();
  await expect(badge).toBeVisible();
  expect(await badge.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(50);

  await page.getByRole("button", { name: "Copy Markdown" }).first().click();
  await expect(page.getByRole("button", { name: "Copied" }).first()).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^\[!\[frugalboard: mnist-cnn on mnist\]\(http:\/\/localhost:\d+\/badge\/mnist-cnn\/mnist\.svg\)\]\(http:\/\/localhost:\d+\/models\/mnist-cnn\)$/);

  await page.screenshot({ path: `${SHOTS}/model-light.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: `${SHOTS}/model-dark.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });

  const svg = await page.request.get("/badge/mnist-cnn/mnist.svg");
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toContain("image/svg+xml");
  expect(await svg.text()).toMatch(/mnist \d+\.\d% · [\d.]+ µJ \(est\.\) · [A-G]/);
});

test("the home page lists every task and the methodology page explains the protocol", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("explanation")).toContainText("correct predictions per joule");
  await expect(page.locator("article[data-task=mnist]")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/home-light.png`, fullPage: true });
  await page.getByRole("link", { name: "Methodology" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Methodology");
  await expect(page.locator("#estimate")).toContainText("CPU seconds");
  await expect(page.locator("#formats")).toContainText("int8-qdq (int8 (QDQ))");
  await page.screenshot({ path: `${SHOTS}/methodology-light.png`, fullPage: true });
});
