import { describe, expect, it } from "vitest";
import { createQualityCache } from "./quality-cache";

describe("createQualityCache", () => {
  it("hits on the same key and fingerprint, misses on a new fingerprint or after the time-to-live", async () => {
    let clock = 0;
    const cache = createQualityCache<number>({ maxEntries: 4, ttlMs: 100, now: () => clock });
    let computations = 0;
    const compute = async () => ++computations;
    expect(await cache.get("p1", "10@t1", compute)).toEqual({ value: 1, isHit: false });
    expect(await cache.get("p1", "10@t1", compute)).toEqual({ value: 1, isHit: true });
    expect(await cache.get("p1", "11@t2", compute)).toEqual({ value: 2, isHit: false });
    clock = 100;
    expect(await cache.get("p1", "11@t2", compute)).toEqual({ value: 3, isHit: false });
    expect(cache.size).toBe(1);
  });

  it("evicts the least recently used entry past its bound", async () => {
    const cache = createQualityCache<string>({ maxEntries: 2, ttlMs: 1e9 });
    await cache.get("a", "f", async () => "a");
    await cache.get("b", "f", async () => "b");
    await cache.get("a", "f", async () => "a again");
    await cache.get("c", "f", async () => "c");
    expect(cache.size).toBe(2);
    expect((await cache.get("a", "f", async () => "recomputed")).isHit).toBe(true);
    expect((await cache.get("b", "f", async () => "recomputed")).value).toBe("recomputed");
  });

  it("shares one computation between concurrent misses and forgets failures", async () => {
    const cache = createQualityCache<number>({ maxEntries: 2, ttlMs: 1e9 });
    let computations = 0;
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = async () => {
      computations++;
      await gate;
      return 42;
    };
    const both = Promise.all([cache.get("k", "f", slow), cache.get("k", "f", slow)]);
    release();
    expect((await both).map((r) => r.value)).toEqual([42, 42]);
    expect(computations).toBe(1);

    await expect(cache.get("x", "f", async () => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
    expect((await cache.get("x", "f", async () => 7)).value).toBe(7);
  });
});
