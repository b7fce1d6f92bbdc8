import { describe, expect, it } from "vitest";
import { toCsv } from "./to-csv";

describe("toCsv", () => {
  it("writes plain rows with CRLF record endings", () => {
    expect(toCsv([["rater", "judgments", "leftRate"], ["ann", 12, 0.5]])).toBe("rater,judgments,leftRate\r\nann,12,0.5\r\n");
  });

  it("quotes fields with commas, quotes and line breaks (RFC 4180)", () => {
    expect(toCsv([['say "hi"', "a,b", "two\nlines", "cr\rhere"]])).toBe('"say ""hi""","a,b","two\nlines","cr\rhere"\r\n');
  });

  it("writes empty fields for null, undefined and non-finite numbers", () => {
    expect(toCsv([[null, undefined, Number.NaN, Infinity, 0]])).toBe(",,,,0\r\n");
  });

  it("formats booleans and dates", () => {
    expect(toCsv([[true, false, new Date(Date.UTC(2025, 0, 2, 3, 4, 5))]])).toBe("true,false,2025-01-02T03:04:05.000Z\r\n");
  });

  it("defuses spreadsheet formulas in text but not in numbers", () => {
    expect(toCsv([["=SUM(A1)", "@cmd", -3, "-3"]])).toBe("'=SUM(A1),'@cmd,-3,'-3\r\n");
    expect(toCsv([["=SUM(A1)"]], { guardFormulas: false })).toBe("=SUM(A1)\r\n");
    expect(toCsv([['=HYPERLINK("x")']])).toBe('"\'=HYPERLINK(""x"")"\r\n');
  });

  it("returns an empty string for no rows", () => {
    expect(toCsv([])).toBe("");
  });
});
