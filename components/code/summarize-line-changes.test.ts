import { describe, expect, it } from "vitest";
import { summarizeLineChanges } from "./summarize-line-changes";

describe("summarizeLineChanges", () => {
  it("is null until Monaco has computed the diff", () => {
    expect(summarizeLineChanges(null)).toBeNull();
  });
  it("says identical sides have no regions", () => {
    expect(summarizeLineChanges([])).toEqual({ regions: 0, added: 0, removed: 0 });
  });
  it("counts an insertion, a deletion and a replacement by their line spans", () => {
    const summary = summarizeLineChanges([
      { originalStartLineNumber: 3, originalEndLineNumber: 0, modifiedStartLineNumber: 4, modifiedEndLineNumber: 6 }, // 3 lines only in B
      { originalStartLineNumber: 10, originalEndLineNumber: 11, modifiedStartLineNumber: 12, modifiedEndLineNumber: 0 }, // 2 lines only in A
      { originalStartLineNumber: 20, originalEndLineNumber: 20, modifiedStartLineNumber: 21, modifiedEndLineNumber: 22 }, // 1 line became 2
    ]);
    expect(summary).toEqual({ regions: 3, added: 5, removed: 3 });
  });
});
