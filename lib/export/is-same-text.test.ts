import { describe, expect, it } from "vitest";
import { isSameText } from "./is-same-text";

const normalize = (t: string) => t.replace(/\s+/g, " ").trim();

describe("isSameText", () => {
  it("equals comparing whitespace-normalised strings", () => {
    const texts = ["foo  bar", "foo bar", "foo bar ", "foo\n bar", "foo b", "foo  b ar", "  foo bar", "", " ", "a", " a", "a ", "a b", "a  b", "a\tb", "a\u00a0b", "ab", "a b c", "a b\n", "\n\na b", "a\u2028b", "a\u200bb", "b a", "a bc", "ab c"];
    for (const x of texts) for (const y of texts) expect(isSameText(x, y), JSON.stringify([x, y])).toBe(normalize(x) === normalize(y));
  });

  it("ignores indentation and trailing spaces in code", () => {
    expect(isSameText("def f(a,  t):\n\n    return 1  ", "def f(a, t):\n    return 1")).toBe(true);
    expect(isSameText("def f(a,t):", "def f(a, t):")).toBe(false);
  });
});
