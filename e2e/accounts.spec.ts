import { expect, test } from "@playwright/test";
import { E2E_PASSWORD, signUp } from "./sign-up";

test("sign up, make an API token (shown once), use and revoke it, sign out and back in", async ({ page }) => {
  const username = await signUp(page, "e2e-tokens", "/tokens");
  await expect(page).toHaveURL(/\/tokens$/);
  await expect(page.getByText("No tokens yet.")).toBeVisible();

  await page.getByLabel("Token name").fill("github-actions");
  await page.getByRole("button", { name: "Create token" }).click();
  const value = (await page.getByTestId("new-token-value").textContent()) ?? "";
  expect(value).toMatch(/^fb_/);
  const row = page.locator('tr[data-token="github-actions"]');
  await expect(row).toContainText(value.slice(0, 9));
  await expect(row).toContainText("never");

  // The token works for the API; once revoked it does not.
  const asToken = () => page.request.get("/api/v1/tokens", { headers: { authorization: `Bearer ${value}` } });
  expect((await asToken()).status()).toBe(200);
  await page.reload();
  await expect(page.getByTestId("new-token")).toHaveCount(0);
  await expect(row).not.toContainText("never");
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toHaveCount(0);
  expect((await asToken()).status()).toBe(401);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/tokens");
  await expect(page).toHaveURL(/\/signin\?next=/);
  const form = page.getByRole("form", { name: "Sign in" });
  await form.getByLabel("Username").fill(username);
  await form.getByLabel("Password").fill("not my password");
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(form.getByRole("alert")).toHaveText("Wrong username or password.");
  await form.getByLabel("Password").fill(E2E_PASSWORD);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/tokens$/);
  await expect(page.getByTestId("signed-in-user")).toContainText(username);
});

test("a weak password is refused on the sign-up form with what to do", async ({ page }) => {
  await page.goto("/signup");
  const form = page.getByRole("form", { name: "Create account" });
  await form.getByLabel("Username").fill("e2e-weak");
  await form.getByLabel("Password").fill("password123");
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByRole("alert")).toContainText("most common passwords");
});

test("the queue dashboard sends the anonymous to sign in and refuses a plain user", async ({ page }) => {
  const anonymous = await page.request.get("/admin/queues", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(302);
  expect(anonymous.headers().location).toBe("/signin?next=%2Fadmin%2Fqueues");
  await signUp(page, "e2e-plain");
  const response = await page.request.get("/admin/queues");
  expect(response.status()).toBe(403);
});
