import { describe, expect, it } from "vitest";
import { cachedImage, clearImageCache } from "./image-cache";

describe("rendered image cache", () => {
  it("renders once for requests that ask together or soon after, and again once cleared", async () => {
    let renders = 0;
    const render = async () => `image ${++renders}`;
    const [a, b] = await Promise.all([cachedImage("k1", render), cachedImage("k1", render)]);
    expect([a, b, await cachedImage("k1", render)]).toEqual(["image 1", "image 1", "image 1"]);
    clearImageCache();
    expect(await cachedImage("k1", render)).toBe("image 2");
  });

  it("does not remember a failed render", async () => {
    await expect(cachedImage("k2", () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await cachedImage("k2", async () => "rendered")).toBe("rendered");
  });
});
