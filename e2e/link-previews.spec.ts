// The files of public/ and the link previews that point at them: robots.txt, the favicon and the Open Graph image,
// served by the real server, and named by the meta tags of a board and a model page.
import { spawnSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { e2eDatabaseUrl } from "../lib/testing/test-env";

test.beforeAll(() => {
  const run = spawnSync(process.execPath, ["--import", "tsx", "e2e/seed-board.ts"], { env: { ...process.env, DATABASE_URL: e2eDatabaseUrl }, encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
});

const meta = (page: Page, property: string) => page.locator(`meta[property="${property}"]`).getAttribute("content");

/** Checks the page's og:image names the preview PNG, and that it is served: a 1200×630 PNG. */
async function expectPreviewImage(page: Page): Promise<void> {
  const image = await meta(page, "og:image");
  expect(image).toMatch(/^https?:\/\/[^/]+\/og-image\.png$/);
  expect(await meta(page, "og:image:width")).toBe("1200");
  const response = await page.request.get(new URL(image!).pathname);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  const png = await response.body();
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]); // IHDR width and height
}

test("robots.txt and the favicon are served from public/", async ({ request }) => {
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect(robots.headers()["content-type"]).toContain("text/plain");
  expect(await robots.text()).toMatch(/^User-agent: \*$[\s\S]*^Disallow: \/api\/$/m);

  const favicon = await request.get("/favicon.svg");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toContain("image/svg+xml");
  expect(await favicon.text()).toContain("<svg");
});

test("a board names the favicon and its link preview", async ({ page }) => {
  await page.goto("/tasks/mnist");
  expect(await page.locator('link[rel="icon"]').first().getAttribute("href")).toBe("/favicon.svg");
  expect(await page.locator('link[rel="apple-touch-icon"]').getAttribute("href")).toBe("/apple-touch-icon.png");
  expect(await meta(page, "og:title")).toMatch(/MNIST.* board · frugalboard/);
  expect(await meta(page, "og:description")).toContain("accuracy per joule");
  await expectPreviewImage(page);
  expect((await page.request.get("/apple-touch-icon.png")).headers()["content-type"]).toBe("image/png");
});

test("a model page has its own link preview with the site's image", async ({ page }) => {
  await page.goto("/models/e2e-other-fast");
  expect(await meta(page, "og:title")).toBe("e2e-other-fast · frugalboard");
  await expectPreviewImage(page);
});
