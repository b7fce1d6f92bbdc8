import { describe, expect, it } from "vitest";
import { buildLevelTable } from "./build-level-table";
import { RATING_SCALES } from "./rating-scales";

describe("buildLevelTable", () => {
  const scale = RATING_SCALES.binary;

  it("counts ratings per unit and level, skipping missing ones", () => {
    const table = buildLevelTable({ levels: Int8Array.from([1, 0, -1, 1]), unitOf: Int32Array.from([0, 0, 1, 1]), unitCount: 2, scale });
    expect(Array.from(table.levelCounts)).toEqual([1, 1, 0, 1]);
  });

  it("widens its cells when one unit has more identical ratings than they hold", () => {
    for (const [count, Cells] of [[255, Uint8Array], [256, Uint16Array], [70_000, Int32Array]] as const) {
      const table = buildLevelTable({ levels: new Int8Array(count).fill(1), unitOf: new Int32Array(count), unitCount: 1, scale });
      expect(table.levelCounts).toBeInstanceOf(Cells);
      expect(Array.from(table.levelCounts)).toEqual([0, count]);
    }
  });
});
