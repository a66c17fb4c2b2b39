import { describe, expect, it } from "vitest";
import { createTtlCache } from "./ttl-cache";

describe("createTtlCache", () => {
  it("forgets entries after their time to live and keeps at most maxEntries", () => {
    let t = 0;
    const cache = createTtlCache<number>({ ttlMs: 100, maxEntries: 2, now: () => t });
    cache.set("a", 1);
    t = 50;
    expect(cache.get("a")).toBe(1);
    t = 100;
    expect(cache.get("a")).toBeUndefined();
    cache.set("b", 2);
    cache.set("c", 3);
    cache.set("d", 4, 10);
    expect(cache.size).toBe(2);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("c")).toBe(3);
    t = 111;
    expect(cache.get("d")).toBeUndefined();
  });
});
