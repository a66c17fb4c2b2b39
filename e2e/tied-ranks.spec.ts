// Ranks with ties on the board page: twins whose intervals overlap show one rank, "=1", and the model apart from
// both is counted below them ("3"); the methodology page explains the rule.
import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { e2eDatabaseUrl } from "../lib/testing/test-env";

const TIES = "zze2e0ties000001";

test.beforeAll(() => {
  const run = spawnSync(process.execPath, ["--import", "tsx", "e2e/seed-ties.ts"], { env: { ...process.env, DATABASE_URL: e2eDatabaseUrl }, encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
});

test("the board shows a tied rank as =1, counts both twins above the next, and shows each entry's batch", async ({ page }) => {
  await page.goto(`/tasks/mnist/${TIES}/estimate`);
  const board = page.getByTestId("board");
  await expect(board.locator("tbody tr")).toHaveCount(3);
  const rank = (slug: string) => board.locator(`tr[data-model="${slug}"] [data-testid="rank"]`);
  await expect(rank("e2e-twin-a")).toHaveText(/^=1/);
  await expect(rank("e2e-twin-b")).toHaveText(/^=1/);
  await expect(rank("e2e-apart")).toHaveText(/^3/);
  await expect(rank("e2e-twin-a")).toHaveAttribute("title", /Tied/);
  await expect(rank("e2e-apart")).not.toHaveAttribute("title", /.*/);
  // The batch column: the probed batch, and "fixed" for the model whose batch dimension is fixed at 1.
  await expect(board.getByRole("columnheader", { name: /Batch/ })).toBeVisible();
  const batch = (slug: string) => board.locator(`tr[data-model="${slug}"] [data-testid="batch"]`);
  await expect(batch("e2e-twin-a")).toHaveText("64");
  await expect(batch("e2e-apart")).toHaveText("1 fixed");
  // The order stays the figures' order: the cheaper twin first.
  await expect(board.locator("tbody tr").first()).toHaveAttribute("data-model", "e2e-twin-a");

  await page.goto("/methodology");
  await expect(page.locator("#ties")).toContainText("1 + the number of ranked results better beyond the uncertainty");
});
