import { describe, expect, it } from "vitest";
import { binActiveSeconds } from "./bin-active-seconds";

describe("binActiveSeconds", () => {
  it("puts each time in [edge_i, edge_i+1), the last bin open-ended, missing times apart", () => {
    const times = [0, 9.9, 10, 59, 60, 5000, null, Number.NaN, -1].map((activeSeconds) => ({ activeSeconds }));
    expect(binActiveSeconds(times, [0, 10, 60])).toEqual({ edges: [0, 10, 60], counts: [2, 2, 2], untimed: 3 });
  });
});
