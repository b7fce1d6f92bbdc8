import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/agreement/bootstrap";
import { FLAG_TIMED, type TJudgmentColumns } from "@/lib/agreement/read-judgment-columns";
import { binActiveSeconds, binActiveSecondsInColumns, SECONDS_EDGES } from "./bin-active-seconds";

describe("binActiveSeconds", () => {
  it("puts each time in [edge_i, edge_i+1), the last bin open-ended, missing times apart", () => {
    const times = [0, 9.9, 10, 59, 60, 5000, null, Number.NaN, -1].map((activeSeconds) => ({ activeSeconds }));
    expect(binActiveSeconds(times, [0, 10, 60])).toEqual({ edges: [0, 10, 60], counts: [2, 2, 2], untimed: 3 });
  });

  it("bins the report's columns as it bins judgments, with whole-second edges or not", () => {
    const random = mulberry32(5);
    const times = Array.from({ length: 3000 }, (_, i) =>
      i % 50 === 0 ? null : i % 7 === 0 ? Math.round(random() * 40) * 45 : random() < 0.1 ? random() * 5000 : random() * 700,
    );
    times.push(-0.5, 1799.999, 1800, 44.9999999, 45);
    const columns = {
      count: times.length,
      flags: Uint8Array.from(times, (s) => (s === null ? 0 : FLAG_TIMED)),
      activeSeconds: Float64Array.from(times, (s) => s ?? 0),
    } as unknown as TJudgmentColumns;
    const judgments = times.map((activeSeconds) => ({ activeSeconds }));
    for (const edges of [SECONDS_EDGES, [0, 10, 10, 60], [2.5, 30, 100.5], [5, 60]]) {
      expect(binActiveSecondsInColumns(columns, edges)).toEqual(binActiveSeconds(judgments, edges));
    }
  });
});
