import { describe, expect, it } from "vitest";
import { buildDpoRows, dpoColumns } from "./build-dpo-rows";
import { buildKtoRows } from "./build-kto-rows";
import { createExportSummary } from "./export-summary";
import { collect, designedItems, params } from "./test-fixtures";

describe("buildDpoRows", () => {
  it("gives one standard row per kept pair, with provenance", async () => {
    const rows = await collect(buildDpoRows({ items: designedItems(), params: params() }));
    expect(rows.map((r) => [r.prompt_id, r.chosen_id, r.rejected_id])).toEqual([
      ["two-sum", "r1", "r2"],
      ["fizz-buzz", "s2", "s1"],
    ]);
    expect(rows[0]).toEqual({
      prompt: "Return indices of two numbers adding to target.",
      chosen: "def two_sum(a, t):\n    return [0, 1]",
      rejected: "def two_sum(a, t): pass",
      prompt_id: "two-sum",
      pair_id: "two-sum:r1:r2",
      aspect: null,
      language: "python",
      n_raters: 3,
      agreement: 2 / 3,
      strength_mean: 4 / 3,
      chosen_id: "r1",
      rejected_id: "r2",
      chosen_model: "model-r1",
      rejected_model: "model-r2",
    });
    expect(Object.keys(rows[0])).toEqual(dpoColumns(params()).map((c) => c.name));
  });

  it("adds a float margin to reward rows (small by default)", async () => {
    const rows = await collect(buildDpoRows({ items: designedItems(), params: params({ format: "reward" }) }));
    expect(rows.map((r) => r.margin)).toEqual([1 / 3, 1]);
    const large = await collect(buildDpoRows({ items: designedItems(), params: params({ format: "reward", margin: "large" }) }));
    expect(large.map((r) => r.margin)).toEqual([1, 3]);
    const none = await collect(buildDpoRows({ items: designedItems(), params: params({ format: "reward", margin: "none" }) }));
    expect(none.map((r) => r.margin)).toEqual([0, 0]);
  });

  it("writes the conversational and the implicit-prompt forms", async () => {
    const [conv] = await collect(buildDpoRows({ items: designedItems(), params: params({ conversational: "true" }) }));
    expect(conv.prompt).toEqual([{ role: "user", content: "Return indices of two numbers adding to target." }]);
    expect(conv.chosen).toEqual([{ role: "assistant", content: "def two_sum(a, t):\n    return [0, 1]" }]);
    const [hh] = await collect(buildDpoRows({ items: designedItems(), params: params({ implicitPrompt: true }) }));
    expect("prompt" in hh).toBe(false);
    expect(hh.chosen).toBe("\n\nHuman: Return indices of two numbers adding to target.\n\nAssistant: def two_sum(a, t):\n    return [0, 1]");
    const [hhConv] = await collect(buildDpoRows({ items: designedItems(), params: params({ implicitPrompt: true, conversational: true }) }));
    expect(hhConv.rejected).toEqual([
      { role: "user", content: "Return indices of two numbers adding to target." },
      { role: "assistant", content: "def two_sum(a, t): pass" },
    ]);
  });

  it("exports one aspect instead of the overall preference", async () => {
    const rows = await collect(buildDpoRows({ items: designedItems(), params: params({ aspect: "correctness" }) }));
    expect(rows.map((r) => [r.chosen_id, r.aspect])).toEqual([["r2", "correctness"]]);
  });

  it("tallies what it kept and dropped", async () => {
    const summary = createExportSummary();
    await collect(buildDpoRows({ items: designedItems(), params: params(), summary }));
    expect(summary).toMatchObject({ items: 4, judgments: 22, rows: 2, pairsKept: 2, ties: 1, bothBad: 1 });
    expect(summary.raters.size).toBe(3);
    expect(summary.dropped).toEqual({
      "no majority": 1,
      "identical after whitespace normalisation": 1,
      "as many both-bad votes": 1,
      "negligible strength": 1,
    });
  });
});

describe("buildKtoRows", () => {
  it("labels chosen true, rejected false, both-good ties two true, both-bad two false", async () => {
    const rows = await collect(buildKtoRows({ items: designedItems(), params: params({ format: "kto" }) }));
    expect(rows.map((r) => [r.pair_id, r.response_id, r.label, r.outcome])).toEqual([
      ["two-sum:r1:r2", "r1", true, "preference"],
      ["two-sum:r1:r2", "r2", false, "preference"],
      ["two-sum:r2:r3", "r2", true, "tie"],
      ["two-sum:r2:r3", "r3", true, "tie"],
      ["two-sum:r3:r4", "r3", false, "both_bad"],
      ["two-sum:r3:r4", "r4", false, "both_bad"],
      ["fizz-buzz:s1:s2", "s2", true, "preference"],
      ["fizz-buzz:s1:s2", "s1", false, "preference"],
    ]);
    expect(rows[0]).toMatchObject({ prompt: "Return indices of two numbers adding to target.", completion: "def two_sum(a, t):\n    return [0, 1]", label: true });
  });
});
