import { describe, expect, it } from "vitest";
import { toBootstrapRequest, toQualityFilter, ZQualityQuery } from "./schemas";

describe("quality query", () => {
  it("reads a bare `to` date as the whole UTC day and a date-time as that instant", () => {
    const byDay = toQualityFilter(ZQualityQuery.parse({ from: "2025-01-01", to: "2025-01-31" }));
    expect(byDay).toEqual({ from: new Date("2025-01-01T00:00:00Z"), before: new Date("2025-02-01T00:00:00Z"), rubricVersion: null });
    const byInstant = toQualityFilter(ZQualityQuery.parse({ to: "2025-01-31T12:00:00Z", rubricVersion: "2" }));
    expect(byInstant).toEqual({ from: null, before: new Date("2025-01-31T12:00:00.001Z"), rubricVersion: 2 });
  });

  it("treats blanks as absent and rejects what is not a date", () => {
    expect(toQualityFilter(ZQualityQuery.parse({ from: "", to: " ", rubricVersion: "" }))).toEqual({ from: null, before: null, rubricVersion: null });
    expect(ZQualityQuery.safeParse({ from: "last week" }).success).toBe(false);
    expect(ZQualityQuery.safeParse({ rubricVersion: "0" }).success).toBe(false);
  });

  it("asks for a seeded bootstrap only with bootstrap=1", () => {
    expect(toBootstrapRequest(ZQualityQuery.parse({}))).toBeNull();
    expect(toBootstrapRequest(ZQualityQuery.parse({ bootstrap: "0" }))).toBeNull();
    expect(toBootstrapRequest(ZQualityQuery.parse({ bootstrap: "1", seed: "7" }))).toEqual({ iterations: 1000, seed: 7 });
  });
});
