import { describe, expect, it } from "vitest";
import { assignSplit } from "./assign-split";
import { buildDpoRows } from "./build-dpo-rows";
import { collect, params, response, vote } from "./test-fixtures";
import type { TExportItem } from "./types";

function item(n: number): TExportItem {
  return {
    itemId: `item-${n}`,
    prompt: `prompt ${n}`,
    language: "python",
    responses: [response("a", 0, `a${n}`), response("b", 1, `b${n}`)],
    judgments: [vote("u1", "a", "b", -2), vote("u2", "a", "b", -1)],
  };
}

describe("assignSplit", () => {
  it("depends on the id alone and lands near the requested share", () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `task-${i}`);
    for (const share of [0.1, 0.25]) {
      const test = ids.filter((itemId) => assignSplit({ itemId, testShare: share }) === "test").length;
      expect(Math.abs(test / ids.length - share)).toBeLessThan(0.015);
    }
    expect(ids.map((itemId) => assignSplit({ itemId, testShare: 0.1 }))).toEqual(ids.map((itemId) => assignSplit({ itemId, testShare: 0.1 })));
    expect(assignSplit({ itemId: "x", testShare: 0 })).toBe("train");
    expect(assignSplit({ itemId: "x", testShare: 1 })).toBe("test");
  });

  it("only moves prompts into test as the share grows", () => {
    const ids = Array.from({ length: 2_000 }, (_, i) => `grow-${i}`);
    for (const itemId of ids) {
      if (assignSplit({ itemId, testShare: 0.1 }) === "test") expect(assignSplit({ itemId, testShare: 0.2 })).toBe("test");
    }
  });

  it("train ∪ test = all, disjoint, and each prompt keeps its split when other items change", async () => {
    const items = Array.from({ length: 400 }, (_, i) => item(i));
    const ids = async (split: "train" | "test" | "all", source = items) =>
      (await collect(buildDpoRows({ items: source, params: params({ split, testShare: "0.3" }) }))).map((r) => r.prompt_id as string);
    const [train, test, all] = await Promise.all([ids("train"), ids("test"), ids("all")]);
    expect(train.length).toBeGreaterThan(0);
    expect(test.length).toBeGreaterThan(0);
    expect(train.filter((id) => test.includes(id))).toEqual([]);
    expect([...train, ...test].sort()).toEqual([...all].sort());
    const fewer = await ids("test", items.filter((_, i) => i % 3 === 0));
    expect(fewer).toEqual(test.filter((id) => Number(id.slice(5)) % 3 === 0));
  });
});
