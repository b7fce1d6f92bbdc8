import { describe, expect, it } from "vitest";
import { effectiveMarginScheme, ZExportParams } from "./schemas";

describe("ZExportParams", () => {
  it("has the documented defaults", () => {
    expect(ZExportParams.parse({})).toEqual({
      format: "dpo",
      file: "jsonl",
      split: "all",
      aggregation: "majority",
      testShare: 0.1,
      conversational: false,
      implicitPrompt: false,
      minRaters: 1,
      excludeFlagged: true,
      goldPassingOnly: false,
      sftFloor: 0.5,
      weights: "none",
    });
  });

  it("coerces query strings: \"false\" is false, numbers are numbers, blanks are unset", () => {
    const p = ZExportParams.parse({ conversational: "false", goldPassingOnly: "", file: " ", implicitPrompt: "true", excludeFlagged: "0", minRaters: "3", testShare: "0.2", margin: "", aspect: "", rubricVersion: "2", from: "2025-01-01" });
    expect(p).toMatchObject({ file: "jsonl", goldPassingOnly: false, conversational: false, implicitPrompt: true, excludeFlagged: false, minRaters: 3, testShare: 0.2, rubricVersion: 2 });
    expect(p.margin).toBeUndefined();
    expect(p.aspect).toBeUndefined();
    expect(p.from).toEqual(new Date("2025-01-01T00:00:00Z"));
  });

  it("rejects bad values", () => {
    for (const bad of [{ format: "csv" }, { conversational: "maybe" }, { testShare: "1.5" }, { minRaters: "0" }, { minRaters: "2.5" }, { file: "csv", format: "dpo" }, { from: "2025-02-01", to: "2025-01-01" }, { aspect: "Bad Key" }]) {
      expect(ZExportParams.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(ZExportParams.safeParse({ file: "csv", format: "raw" }).success).toBe(true);
  });

  it("gives reward rows a small margin unless told otherwise", () => {
    expect(effectiveMarginScheme({ format: "reward" })).toBe("small");
    expect(effectiveMarginScheme({ format: "reward", margin: "bt" })).toBe("bt");
    expect(effectiveMarginScheme({ format: "dpo" })).toBe("none");
  });
});
