import { expect, type Page } from "@playwright/test";

export const E2E_PASSWORD = "correct horse battery staple";

/** Signs a new user up through the /signup form and waits until the page after it shows them signed in. */
export async function signUp(page: Page, prefix: string, next = "/"): Promise<string> {
  const username = `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
  await page.goto(`/signup?next=${encodeURIComponent(next)}`);
  const form = page.getByRole("form", { name: "Create account" });
  await form.getByLabel("Username").fill(username);
  await form.getByLabel("Password").fill(E2E_PASSWORD);
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-user")).toContainText(username);
  return username;
}
