import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { e2eDatabaseUrl } from "../lib/testing/test-env";
import { signUp } from "./sign-up";

const MODEL = join(process.cwd(), "benchmarks", "tasks", "mnist", "baselines", "mnist-logreg.onnx");
const SHOTS = "e2e/screenshots";

/** Uploads through the API with the page's session cookie (same origin, as the site's own pages do). */
async function submitByApi(page: Page, slug: string): Promise<string> {
  const origin = new URL(page.url()).origin;
  const response = await page.request.post("/api/v1/submissions", {
    headers: { origin },
    multipart: {
      file: { name: "model.onnx", mimeType: "application/octet-stream", buffer: readFileSync(MODEL) },
      model: slug,
      task: "mnist",
      name: "Owner test model",
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  await expect
    .poll(async () => ((await (await page.request.get(`/api/v1/submissions/${id}`)).json()) as { status: string }).status, {
      timeout: 170_000,
      intervals: [500],
    })
    .toBe("succeeded");
  return id;
}

/** The model page once the browser has decided who is looking (`data-viewer`). */
async function openModel(page: Page, slug: string, viewer: string): Promise<void> {
  await page.goto(`/models/${slug}`);
  await expect(page.getByTestId("owner-scope")).toHaveAttribute("data-viewer", viewer);
}

test("an owner edits, renames, withdraws and deletes on the model page; others see no controls, an admin hides", async ({ page, browser }) => {
  const owner = await signUp(page, "e2e-owner");
  const slug = `e2e-owned-${owner.slice(-6)}`;
  await submitByApi(page, slug);

  const other = await (await browser.newContext()).newPage();
  await test.step("the anonymous and another user see no controls", async () => {
    await openModel(other, slug, "anonymous");
    await expect(other.getByTestId("model-result")).toBeVisible();
    await expect(other.getByTestId("model-controls")).toHaveCount(0);
    await expect(other.getByRole("button", { name: "Withdraw", exact: true })).toHaveCount(0);
    await signUp(other, "e2e-other");
    await openModel(other, slug, "other");
    await expect(other.getByTestId("model-controls")).toHaveCount(0);
    await expect(other.getByRole("button", { name: "Withdraw", exact: true })).toHaveCount(0);
  });

  const renamed = `${slug}-v2`;
  await test.step("edit: a javascript: URL is refused with the server's message, a good one is saved, the slug renamed", async () => {
    await openModel(page, slug, "owner");
    await page.getByRole("button", { name: "Edit", exact: true }).click();
    const form = page.getByRole("form", { name: "Edit model" });
    await form.getByLabel("Display name").fill("Frugal logistic regression");
    await form.getByLabel("Code URL").fill("javascript:alert(1)");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form.getByRole("alert")).toHaveText("Field `codeUrl` must be an http(s) URL such as https://arxiv.org/abs/1234.5678 (javascript:, data: and other schemes are refused).");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Owner test model");
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/model-edit-refused.png` });

    await form.getByLabel("Code URL").fill("https://example.org/frugal-code");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Frugal logistic regression");
    await expect(page.getByRole("link", { name: "Code", exact: true })).toHaveAttribute("href", "https://example.org/frugal-code");
    await expect(form).toHaveCount(0);

    await page.getByRole("button", { name: "Edit", exact: true }).click();
    await form.getByLabel("Model slug").fill(renamed);
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(new RegExp(`/models/${renamed}$`));
    await expect(page.getByText(`formerly ${slug}`)).toBeVisible();
  });

  // The shields.io badge, through the web server's fast path: it must show a moderation change at once, not when
  // its cached answer expires a minute later.
  const badge = async (name: string) => {
    const response = await page.request.get(`/api/v1/badges/${name}/mnist`);
    return { status: response.status(), message: ((await response.json()) as { message: string }).message };
  };

  await test.step("withdraw, after a confirm: the result shows withdrawn and leaves the board, and so does its badge", async () => {
    expect(await badge(renamed)).toMatchObject({ status: 200, message: expect.stringMatching(/^mnist \d/) });
    await page.goto("/tasks/mnist");
    await expect(page.locator(`tr[data-model="${renamed}"]`).first()).toBeVisible();
    await openModel(page, renamed, "owner");
    const result = page.getByTestId("model-result");
    await result.getByRole("button", { name: "Withdraw", exact: true }).click();
    await result.locator("header").screenshot({ path: `${SHOTS}/model-withdraw-confirm.png` });
    await result.getByRole("button", { name: "Yes, withdraw" }).click();
    await expect(result.locator("header")).toContainText("withdrawn ·");
    await expect(result.getByRole("button", { name: "Withdraw", exact: true })).toHaveCount(0);
    await page.goto("/tasks/mnist");
    await expect(page.locator('tr[data-model="mnist-cnn"]').first()).toBeVisible();
    await expect(page.locator(`tr[data-model="${renamed}"]`)).toHaveCount(0);
    expect(await badge(renamed)).toEqual({ status: 200, message: "mnist withdrawn" });
  });

  await test.step("an admin sees the controls on someone else's model, hides and unhides it", async () => {
    const otherName = ((await other.getByTestId("signed-in-user").textContent()) ?? "").replace("Signed in as ", "").trim();
    execFileSync(process.execPath, ["--import", "tsx", "scripts/user-admin.ts", otherName], { env: { ...process.env, DATABASE_URL: e2eDatabaseUrl } });
    await openModel(other, renamed, "admin");
    const notice = other.getByRole("status").filter({ hasText: "Hidden by an administrator" });
    await expect(notice).toHaveCount(0);
    await other.getByRole("button", { name: "Hide", exact: true }).click();
    await expect(notice).toBeVisible();
    expect((await page.request.get(`/models/${renamed}`)).status()).toBe(404);
    await other.getByRole("button", { name: "Unhide", exact: true }).click();
    await expect(notice).toHaveCount(0);
  });

  await test.step("delete, once the slug is typed: back to the boards, and the page is gone", async () => {
    await openModel(page, renamed, "owner");
    await page.getByRole("button", { name: "Delete model", exact: true }).click();
    const form = page.getByRole("form", { name: "Delete model", exact: true });
    const confirm = form.getByRole("button", { name: "Delete this model" });
    await expect(confirm).toBeDisabled();
    await form.getByLabel(`Type ${renamed} to confirm`).fill(renamed);
    await confirm.click();
    await expect(page).toHaveURL(/\/$/);
    expect((await page.goto(`/models/${renamed}`))?.status()).toBe(404);
    expect((await page.request.get(`/models/${slug}`)).status()).toBe(404);
    expect(await badge(renamed)).toEqual({ status: 404, message: "not found" });
  });
  await other.context().close();
});
