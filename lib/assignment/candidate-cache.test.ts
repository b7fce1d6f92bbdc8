import { describe, expect, it } from "vitest";
import { bestPairPerItem, CandidateCache, type TCandidate } from "./candidate-cache";

function counter(rows: () => TCandidate[]) {
  const calls = { n: 0 };
  const fetch = async () => {
    calls.n++;
    return rows();
  };
  return { calls, fetch };
}

describe("CandidateCache", () => {
  it("reads once per window: the first call waits for the read, later calls within ttl get the same rows", async () => {
    let clock = 0;
    const cache = new CandidateCache({ ttlMs: 250, now: () => clock });
    const { calls, fetch } = counter(() => [{ id: "u1", priority: 0.5 }]);
    expect(await cache.get("p:active", fetch)).toEqual([{ id: "u1", priority: 0.5 }]);
    clock = 249;
    await cache.get("p:active", fetch);
    expect(calls.n).toBe(1);
  });

  it("after ttl serves the old rows once and refreshes in the background, one read at a time", async () => {
    let clock = 0;
    let version = 1;
    const cache = new CandidateCache({ ttlMs: 250, now: () => clock });
    const { calls, fetch } = counter(() => [{ id: `v${version}`, priority: 1 }]);
    await cache.get("k", fetch);
    version = 2;
    clock = 300;
    const [a, b] = await Promise.all([cache.get("k", fetch), cache.get("k", fetch)]);
    expect(a[0].id).toBe("v1");
    expect(b[0].id).toBe("v1");
    await cache.settle();
    expect(calls.n).toBe(2);
    expect((await cache.get("k", fetch))[0].id).toBe("v2");
  });

  it("keeps the old rows when a refresh fails, and tries again on a later call", async () => {
    let clock = 0;
    let isFailing = false;
    const cache = new CandidateCache({ ttlMs: 100, now: () => clock });
    const fetch = async () => {
      if (isFailing) throw new Error("connection reset");
      return [{ id: "fresh", priority: 1 }];
    };
    await cache.get("k", fetch);
    isFailing = true;
    clock = 200;
    expect((await cache.get("k", fetch))[0].id).toBe("fresh");
    await cache.settle();
    isFailing = false;
    expect((await cache.get("k", fetch))[0].id).toBe("fresh");
    await cache.settle();
    clock = 250;
    expect(await cache.get("k", fetch)).toEqual([{ id: "fresh", priority: 1 }]);
  });

  it("drop removes the matching rows from that key's rows only", async () => {
    const cache = new CandidateCache({ ttlMs: 1000, now: () => 0 });
    const rows = () => [{ id: "a", priority: 3, itemId: "i1" }, { id: "b", priority: 2, itemId: "i2" }, { id: "c", priority: 1, itemId: "i1" }];
    await cache.get("p1", async () => rows());
    await cache.get("p2", async () => rows());
    cache.drop("p1", (c) => c.itemId === "i1");
    cache.drop("missing", () => true);
    expect((await cache.get("p1", async () => [])).map((c) => c.id)).toEqual(["b"]);
    expect((await cache.get("p2", async () => [])).map((c) => c.id)).toEqual(["a", "b", "c"]);
  });

  it("wasReadEmpty: only when the last read found nothing, not when drops emptied the rows", async () => {
    let clock = 0;
    let rows: TCandidate[] = [];
    const cache = new CandidateCache({ ttlMs: 100, now: () => clock });
    const fetch = async () => rows;
    expect(cache.wasReadEmpty("k")).toBe(false);
    await cache.get("k", fetch);
    expect(cache.wasReadEmpty("k")).toBe(true);
    rows = [{ id: "a", priority: 1 }];
    clock = 200;
    await cache.get("k", fetch);
    await cache.settle();
    expect(cache.wasReadEmpty("k")).toBe(false);
    cache.drop("k", () => true);
    expect(await cache.get("k", fetch)).toEqual([]);
    expect(cache.wasReadEmpty("k")).toBe(false);
  });

  it("ttl 0 reads every time", async () => {
    const cache = new CandidateCache({ ttlMs: 0 });
    const { calls, fetch } = counter(() => []);
    await cache.get("k", fetch);
    await cache.get("k", fetch);
    expect(calls.n).toBe(2);
  });
});

describe("bestPairPerItem", () => {
  it("keeps the first row of each item in order, up to the limit; rows without an item are all kept", () => {
    const rows = [
      { id: "a", priority: 5, itemId: "i1" }, { id: "b", priority: 4, itemId: "i1" }, { id: "c", priority: 3, itemId: "i2" },
      { id: "d", priority: 2, itemId: "i3" }, { id: "e", priority: 1, itemId: "i2" },
    ];
    expect(bestPairPerItem(rows, 10).map((r) => r.id)).toEqual(["a", "c", "d"]);
    expect(bestPairPerItem(rows, 2).map((r) => r.id)).toEqual(["a", "c"]);
    expect(bestPairPerItem([{ id: "x", priority: 1 }, { id: "y", priority: 1 }], 5).map((r) => r.id)).toEqual(["x", "y"]);
  });
});
