import { describe, expect, it } from "vitest";
import { assignUnitIds } from "./assign-unit-ids";

const ids = (unitIds: string[]) => assignUnitIds(unitIds.map((unitId) => ({ unitId })));

describe("assignUnitIds", () => {
  it("numbers units densely in order of first appearance", () => {
    const { unitOf, unitCount } = ids(["b", "b", "a", "c", "a", "b"]);
    expect(Array.from(unitOf)).toEqual([0, 0, 1, 2, 1, 0]);
    expect(unitCount).toBe(3);
  });

  it("handles many ids, interleaved, including the empty string", () => {
    const unitIds = Array.from({ length: 20_000 }, (_, i) => (i % 2 ? `pair-${i % 7001}` : `${(i * 7919) % 5003}`));
    unitIds.push("", "");
    const { unitOf, unitCount } = ids(unitIds);
    const expected = new Map<string, number>();
    unitIds.forEach((id, j) => {
      if (!expected.has(id)) expected.set(id, expected.size);
      expect(unitOf[j]).toBe(expected.get(id));
    });
    expect(unitCount).toBe(expected.size);
  });

  it("accepts no judgments", () => {
    expect(ids([])).toEqual({ unitOf: new Int32Array(0), unitCount: 0 });
  });
});
