import { describe, expect, it } from "vitest";
import { buildPromptsRows } from "./build-prompts-rows";
import { buildRankingsRows } from "./build-rankings-rows";
import { buildRatingsRows, ratingsColumns } from "./build-ratings-rows";
import { buildRawRows, rawColumns } from "./build-raw-rows";
import { buildSftRows } from "./build-sft-rows";
import { filterJudgments } from "./filter-judgments";
import { collect, designedItems, params, ratedItem, vote } from "./test-fixtures";

describe("buildSftRows", () => {
  it("takes the best-ranked response that clears the floor", async () => {
    const rows = await collect(buildSftRows({ items: designedItems(), params: params({ format: "sft" }) }));
    expect(rows.map((r) => [r.prompt_id, r.response_id])).toEqual([
      ["two-sum", "r1"],
      ["fizz-buzz", "s2"],
      ["rev-list", "t1"],
      ["small-gap", "v1"],
    ]);
    expect(rows[0]).toMatchObject({ completion: "def two_sum(a, t):\n    return [0, 1]", score: 1, win_share: 5 / 7, n_raters: 3, tests_passed: 5, tests_total: 5 });
    const strict = await collect(buildSftRows({ items: designedItems(), params: params({ format: "sft", sftFloor: "0.6" }) }));
    expect(strict.map((r) => r.prompt_id)).toEqual(["two-sum", "fizz-buzz", "small-gap"]);
  });

  it("skips responses with failing tests and gives no row when nothing else clears the floor", async () => {
    const items = designedItems();
    items[0].responses[0].testsPassed = 4;
    const rows = await collect(buildSftRows({ items, params: params({ format: "sft" }) }));
    expect(rows.map((r) => r.prompt_id)).toEqual(["fizz-buzz", "rev-list", "small-gap"]);
  });
});

describe("buildRankingsRows", () => {
  it("lists every judged response best first (Copeland, then win share)", async () => {
    const [row] = await collect(buildRankingsRows({ items: designedItems(), params: params({ format: "rankings" }) }));
    expect(row).toMatchObject({ prompt_id: "two-sum", response_ids: ["r1", "r3", "r4", "r2"], scores: [1, 0, 0, -1], n_raters: 3, n_judgments: 13 });
    expect((row.win_shares as number[])[1]).toBeCloseTo(3 / 8, 12);
  });

  it("follows a Bradley–Terry scorer when asked", async () => {
    const btScorer = () => new Map([["r2", 2], ["r4", 1], ["s1", 1]]);
    const rows = await collect(buildRankingsRows({ items: designedItems(), params: params({ format: "rankings", aggregation: "bt" }), btScorer }));
    expect(rows[0].response_ids).toEqual(["r2", "r4", "r1", "r3"]);
    expect(rows[1].response_ids).toEqual(["s1", "s2"]);
  });
});

describe("buildRatingsRows", () => {
  it("averages each aspect per response, HelpSteer-style, null when unrated", async () => {
    const rows = await collect(buildRatingsRows({ items: [ratedItem()], params: params({ format: "ratings" }), aspectKeys: ["correctness", "readability", "security"] }));
    expect(rows).toEqual([
      { prompt: "Parse a date.", response: "dateutil.parse(s)", prompt_id: "rate-me", response_id: "q1", model: "model-q1", language: "python", n_raters: 2, correctness: 3, readability: 3, security: null },
      { prompt: "Parse a date.", response: "s.split('-')", prompt_id: "rate-me", response_id: "q2", model: "model-q2", language: "python", n_raters: 1, correctness: 1, readability: 1, security: null },
    ]);
    const weighted = await collect(buildRatingsRows({ items: [ratedItem()], params: params({ format: "ratings", minRaters: 2 }), aspectKeys: ["correctness"], raterWeights: new Map([["u1", 3]]) }));
    expect(weighted).toHaveLength(1);
    expect(weighted[0].correctness).toBe(3.5);
  });

  it("refuses an aspect key that collides with a column", () => {
    expect(() => ratingsColumns({ aspectKeys: ["model"] })).toThrow(/collides/);
  });
});

describe("buildRawRows", () => {
  it("gives one row per judgment with slot order, propensity, aspects and comments", async () => {
    const items = designedItems();
    items[0].judgments[0] = {
      ...items[0].judgments[0],
      rationale: "r1 handles empty input",
      comments: [{ slot: "B", responseId: "r1", lineStart: 1, lineEnd: 2, aspect: null, text: "good" }],
      activeSeconds: 41.5,
      confidence: 4,
      propensity: 0.5,
    };
    const rows = await collect(buildRawRows({ items, params: params({ format: "raw" }), aspectKeys: ["correctness"] }));
    expect(rows).toHaveLength(22);
    expect(rows[0]).toMatchObject({
      prompt_id: "two-sum",
      rater: "u1",
      unit_responses: ["r1", "r2"],
      unit_models: ["model-r1", "model-r2"],
      slot_order: ["r2", "r1"],
      preference: -3,
      both_bad: false,
      aspect_correctness: 2,
      ratings: null,
      ranking: null,
      rationale: "r1 handles empty input",
      comments: [{ slot: "B", response_id: "r1", line_start: 1, line_end: 2, aspect: null, text: "good" }],
      confidence: 4,
      active_seconds: 41.5,
      rubric_version: 1,
      propensity: 0.5,
    });
    expect(Object.keys(rows[0])).toEqual(rawColumns({ aspectKeys: ["correctness"] }).map((c) => c.name));
    expect(rows[3].aspect_correctness).toBeNull();
  });
});

describe("buildPromptsRows", () => {
  it("reports tests and pass rates per prompt", async () => {
    const rows = await collect(buildPromptsRows({ items: designedItems(), params: params({ format: "prompts" }) }));
    expect(rows[0]).toMatchObject({ prompt_id: "two-sum", tests: "assert two_sum([2,7], 9) == [0, 1]", n_responses: 4, n_tested: 2, solve_rate: 0.5 });
    expect(rows[0].pass_rate).toBeCloseTo(0.8, 12);
    expect(rows[1]).toMatchObject({ prompt_id: "fizz-buzz", tests: null, n_tested: 0, pass_rate: null, solve_rate: null });
  });
});

describe("filterJudgments", () => {
  const judgments = [
    vote("a", "x", "y", 1, { createdAt: "2025-01-10T00:00:00Z", rubricVersion: 1 }),
    vote("b", "x", "y", 1, { createdAt: "2025-02-10T00:00:00Z", rubricVersion: 2, flagged: true }),
    vote("c", "x", "y", 1, { createdAt: "2025-03-10T00:00:00Z", rubricVersion: 2, raterPassesGold: true }),
  ];
  const raters = (input: Parameters<typeof params>[0]) => filterJudgments({ judgments, filter: params(input) }).map((j) => j.rater);

  it("filters by dates, rubric version, flags and gold", () => {
    expect(raters({ excludeFlagged: "false" })).toEqual(["a", "b", "c"]);
    expect(raters({})).toEqual(["a", "c"]);
    expect(raters({ from: "2025-02-01", to: "2025-03-10T00:00:00Z", excludeFlagged: "0" })).toEqual(["b", "c"]);
    expect(raters({ rubricVersion: "2", excludeFlagged: "false" })).toEqual(["b", "c"]);
    expect(raters({ goldPassingOnly: "true" })).toEqual(["c"]);
  });
});
