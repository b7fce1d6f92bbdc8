import { describe, expect, test } from "vitest";
import { column } from "./columns";
import { writeJsonl } from "./write-jsonl";

async function text(gen: AsyncGenerator<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let out = "";
  for await (const chunk of gen) out += decoder.decode(chunk);
  return out;
}

describe("writeJsonl", () => {
  test("whole numbers in double columns keep a decimal point, so every row has one float type", async () => {
    const rows = [{ prompt: "p", margin: 1, n_raters: 3 }, { prompt: "q", margin: 0.5, n_raters: 2 }];
    const out = await text(writeJsonl({ rows, columns: [column("prompt", "string"), column("margin", "double"), column("n_raters", "int")] }));
    expect(out).toBe('{"prompt":"p","margin":1.0,"n_raters":3}\n{"prompt":"q","margin":0.5,"n_raters":2}\n');
    expect(out.split("\n").filter(Boolean).map((l) => JSON.parse(l))).toEqual(rows);
  });
  test("without columns it is plain JSON per line; nulls stay null", async () => {
    const out = await text(writeJsonl({ rows: [{ a: 1, b: null }] }));
    expect(out).toBe('{"a":1,"b":null}\n');
  });
});
