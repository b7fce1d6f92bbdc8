import { parquetMetadata, parquetReadObjects } from "hyparquet";
import { describe, expect, it } from "vitest";
import { buildExportRows } from "./build-export-rows";
import type { TBuildRowsOptions } from "./build-options";
import { dpoColumns } from "./build-dpo-rows";
import type { TExportParamsInput } from "./schemas";
import { collect, collectBytes, designedItems, params, ratedItem, response, vote } from "./test-fixtures";
import type { TExportItem, TExportRow } from "./types";
import { writeCsv } from "./write-csv";
import { describeExportFile, writeExport } from "./write-export";
import { writeJsonl } from "./write-jsonl";
import { writeParquet } from "./write-parquet";

function manyItems(n: number): TExportItem[] {
  return Array.from({ length: n }, (_, i) => ({
    itemId: `task-${i}`,
    prompt: `Write function number ${i}.`,
    language: "python",
    responses: [response("a", 0, `def f():\n    return ${i}`), response("b", 1, `def f(): return ${-i} # "quoted", \u00e9`)],
    judgments: [vote("u1", "a", "b", i % 7 === 0 ? 3 : -2, { comments: [{ slot: "A", responseId: "a", lineStart: 1, lineEnd: 1, aspect: i % 2 ? "security" : null, text: `c${i}` }] }), vote("u2", "a", "b", -1)],
  }));
}

function options(input: TExportParamsInput, items: TExportItem[] = designedItems()): TBuildRowsOptions {
  return { items, params: params(input), aspectKeys: ["correctness"], btScorer: () => new Map([["r2", 1]]) };
}

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const jsonlRows = (bytes: Uint8Array) => decode(bytes).trimEnd().split("\n").map((line) => JSON.parse(line) as TExportRow);

async function readParquet(bytes: Uint8Array): Promise<Record<string, unknown>[]> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return parquetReadObjects({ file });
}

describe("Parquet and JSONL agree", () => {
  const cases: Array<[string, TExportParamsInput, TExportItem[]?]> = [
    ["dpo", { format: "dpo" }, manyItems(250)],
    ["dpo conversational", { format: "dpo", conversational: true }],
    ["dpo implicit", { format: "dpo", implicitPrompt: true }],
    ["reward", { format: "reward", margin: "large" }],
    ["kto", { format: "kto" }],
    ["raw", { format: "raw" }, [...manyItems(60), ratedItem()]],
    ["ratings", { format: "ratings" }, [ratedItem()]],
    ["rankings", { format: "rankings" }],
    ["sft", { format: "sft", conversational: true }],
    ["prompts", { format: "prompts" }],
  ];
  for (const [name, input, items] of cases) {
    it(`${name}: reads back equal to the JSONL rows, over several row groups`, async () => {
      const jsonl = await collectBytes(writeExport(options({ ...input, file: "jsonl" }, items ?? designedItems())));
      const parquet = await collectBytes(writeExport({ ...options({ ...input, file: "parquet" }, items ?? designedItems()), rowGroupRows: 64 }));
      const expected = jsonlRows(jsonl);
      expect(expected.length).toBeGreaterThan(0);
      expect(await readParquet(parquet)).toEqual(expected);
    });
  }

  it("keeps margin DOUBLE even when every margin is whole, and writes nullable columns as null", async () => {
    const bytes = await collectBytes(writeExport(options({ format: "reward", margin: "large", file: "parquet" })));
    const schema = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer).schema;
    expect(schema.find((e) => e.name === "margin")?.type).toBe("DOUBLE");
    expect(schema.find((e) => e.name === "n_raters")?.type).toBe("INT32");
    const rows = await readParquet(await collectBytes(writeExport(options({ format: "reward", margin: "large", file: "parquet" }))));
    expect(rows.map((r) => r.margin)).toEqual([1, 3]);
    expect(rows.map((r) => r.aspect)).toEqual([null, null]);
  });

  it("writes a valid empty file with the declared columns", async () => {
    const columns = dpoColumns(params());
    const rows = await readParquet(await collectBytes(writeParquet({ rows: [], columns })));
    expect(rows).toEqual([]);
  });

  it("closes a row group early when its text grows large", async () => {
    const columns = dpoColumns(params());
    const { rows } = buildExportRows(options({}, manyItems(100)));
    const bytes = await collectBytes(writeParquet({ rows, columns, rowGroupRows: 1000, rowGroupChars: 2000 }));
    const meta = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(meta.row_groups.length).toBeGreaterThan(5);
    const expected = await collect(buildExportRows(options({}, manyItems(100))).rows);
    expect(Number(meta.num_rows)).toBe(expected.length);
  });
});

describe("byte-identical re-exports", () => {
  for (const file of ["jsonl", "parquet"] as const) {
    it(`${file}: same input twice gives the same bytes`, async () => {
      const a = await collectBytes(writeExport(options({ format: "dpo", file }, manyItems(300))));
      const b = await collectBytes(writeExport(options({ format: "dpo", file }, manyItems(300))));
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    });
  }
});

describe("writeJsonl and writeCsv", () => {
  it("writes one JSON object a line, chunked", async () => {
    const rows = [{ a: 1, b: "x\ny" }, { a: 2, b: null }];
    const chunks = await collect(writeJsonl({ rows, chunkChars: 5 }));
    expect(chunks).toHaveLength(2);
    expect(decode(await collectBytes(writeJsonl({ rows })))).toBe('{"a":1,"b":"x\\ny"}\n{"a":2,"b":null}\n');
  });

  it("quotes strings, leaves null empty, and writes lists as JSON", async () => {
    const columns = [
      { name: "s", type: "string" as const, nullable: true },
      { name: "n", type: "double" as const, nullable: true },
      { name: "b", type: "boolean" as const, nullable: false },
      { name: "l", type: { list: "string" as const }, nullable: false },
    ];
    const rows = [{ s: 'say "hi", ok', n: 0.5, b: true, l: ["x"] }, { s: null, n: null, b: false, l: [] }, { s: "", n: 2, b: false, l: [] }];
    expect(decode(await collectBytes(writeCsv({ rows, columns })))).toBe('s,n,b,l\r\n"say ""hi"", ok",0.5,true,"[""x""]"\r\n,,false,"[]"\r\n"",2,false,"[]"\r\n');
  });

  it("writes raw as CSV with the raw columns", async () => {
    const text = decode(await collectBytes(writeExport(options({ format: "raw", file: "csv" }))));
    const [header, first] = text.split("\r\n");
    expect(header.split(",").slice(0, 9)).toEqual(["judgment_id", "prompt_id", "rater", "unit_responses", "unit_models", "slot_order", "preference", "both_bad", "aspect_correctness"]);
    expect(first).toContain('"two-sum","u1","[""r1"",""r2""]"');
  });

  it("names files from the parameters", () => {
    expect(describeExportFile(params({ format: "reward", file: "parquet", split: "test" }))).toEqual({ fileName: "reward-test.parquet", contentType: "application/vnd.apache.parquet" });
  });
});
