import { parquetReadObjects } from "hyparquet";
import { gunzipSync, inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { bytesEntry } from "./archive-entry";
import { buildDatasetCard, sizeCategory } from "./build-dataset-card";
import { computeCrc32 } from "./compute-crc32";
import { createExportSummary } from "./export-summary";
import type { TExportParamsInput } from "./schemas";
import { collectBytes, designedItems, params } from "./test-fixtures";
import { bundlePath, writeBundle, type TBundleArchive, type TBundleFile } from "./write-bundle";
import { writeExport } from "./write-export";
import { writeTar, writeTarGz } from "./write-tar-gz";
import { writeZip } from "./write-zip";

async function buildBundle(archive: TBundleArchive): Promise<Uint8Array> {
  const summary = createExportSummary();
  const files: TBundleFile[] = [];
  const configs = [];
  for (const format of ["dpo", "kto"] as const) {
    const splits = [];
    for (const split of ["train", "test"] as const) {
      const input: TExportParamsInput = { format, split, file: "parquet", testShare: 0.5 };
      const bytes = await collectBytes(writeExport({ items: designedItems(), params: params(input), summary: format === "dpo" ? summary : undefined }));
      files.push({ config: format, split, size: bytes.length, chunks: () => [bytes] });
      const rows = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
      splits.push({ split, path: bundlePath({ config: format, split }), rows: rows.length });
    }
    configs.push({ name: format, splits });
  }
  const card = buildDatasetCard({
    title: "Code preferences",
    license: "cc-by-4.0",
    languages: ["en"],
    tags: ["code", "dpo", "python"],
    configs,
    summary,
    params: params({ testShare: 0.5 }),
    rubric: { version: 1, aspects: [{ key: "correctness", label: "Correctness", scale: "pairwise7" }] },
  });
  return collectBytes(writeBundle({ archive, card, files: [...files].reverse() }));
}

/** Entries of an uncompressed tar: name, mtime field, content. */
function readTar(tar: Uint8Array): Array<{ name: string; mtime: string; content: Uint8Array }> {
  const out = [];
  const text = (from: number, length: number) => new TextDecoder().decode(tar.subarray(from, from + length)).replace(/\0.*$/s, "");
  for (let offset = 0; offset + 512 <= tar.length && tar[offset] !== 0; ) {
    const size = parseInt(text(offset + 124, 12), 8);
    out.push({ name: text(offset, 100), mtime: text(offset + 136, 12), content: tar.subarray(offset + 512, offset + 512 + size) });
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

/** Entries of a zip from its central directory, content inflated or copied. */
function readZip(zip: Uint8Array): Array<{ name: string; crc: number; content: Uint8Array }> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.length - 22;
  expect(view.getUint32(eocd, true)).toBe(0x06054b50);
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const out = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const method = view.getUint16(at + 10, true);
    expect(view.getUint16(at + 14, true)).toBe(0x21);
    const crc = view.getUint32(at + 16, true);
    const compressed = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = zip.subarray(dataStart, dataStart + compressed);
    out.push({ name, crc, content: method === 8 ? new Uint8Array(inflateRawSync(data)) : data });
    at += 46 + nameLength;
  }
  return out;
}

describe("writeBundle", () => {
  it("tar.gz: README.md then <config>/<split>-00000-of-00001.parquet, mtime 0, readable Parquet", async () => {
    const bundle = await buildBundle("tar.gz");
    const entries = readTar(new Uint8Array(gunzipSync(bundle)));
    expect(entries.map((e) => e.name)).toEqual([
      "README.md",
      "dpo/test-00000-of-00001.parquet",
      "dpo/train-00000-of-00001.parquet",
      "kto/test-00000-of-00001.parquet",
      "kto/train-00000-of-00001.parquet",
    ]);
    expect(new Set(entries.map((e) => e.mtime))).toEqual(new Set(["00000000000"]));
    const readme = new TextDecoder().decode(entries[0].content);
    expect(readme).toMatch(/^---\nlicense: cc-by-4.0\nlanguage:\n- en\n/);
    expect(readme).toContain("configs:\n- config_name: dpo\n  data_files:\n  - split: train\n    path: dpo/train-00000-of-00001.parquet\n  - split: test\n    path: dpo/test-00000-of-00001.parquet\n- config_name: kto\n");
    expect(readme).toContain("size_categories:\n- n<1K\n");
    expect(readme).toContain("Pairs kept: 2; ties: 1; both-bad: 1.");
    const rows = await parquetReadObjects({ file: entries[2].content.slice().buffer as ArrayBuffer });
    expect(rows.length + (await parquetReadObjects({ file: entries[1].content.slice().buffer as ArrayBuffer })).length).toBe(2);
  });

  it("zip: same layout, deflated README, stored Parquet, CRCs that check", async () => {
    const entries = readZip(await buildBundle("zip"));
    expect(entries.map((e) => e.name)).toEqual(["README.md", "dpo/test-00000-of-00001.parquet", "dpo/train-00000-of-00001.parquet", "kto/test-00000-of-00001.parquet", "kto/train-00000-of-00001.parquet"]);
    for (const e of entries) expect(computeCrc32(e.content)).toBe(e.crc);
    expect(new TextDecoder().decode(entries[0].content)).toContain("config_name: kto");
  });

  it("is byte-identical when built twice", async () => {
    for (const archive of ["tar.gz", "zip"] as const) {
      const [a, b] = [await buildBundle(archive), await buildBundle(archive)];
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    }
  });

  it("refuses an entry whose length differs from its declared size", async () => {
    const bad = { ...bytesEntry({ path: "x", bytes: new Uint8Array(3) }), size: 4 };
    await expect(collectBytes(writeTar({ entries: [bad] }))).rejects.toThrow(/shorter/);
    await expect(collectBytes(writeTarGz({ entries: [bad] }))).rejects.toThrow(/shorter/);
    const failing = { path: "y", size: 1, compress: true, chunks: async function* () { yield new Uint8Array(1); throw new Error("source failed"); } };
    await expect(collectBytes(writeZip({ entries: [failing] }))).rejects.toThrow(/source failed/);
  });
});

describe("buildDatasetCard", () => {
  it("names the size category and computes a known CRC", () => {
    expect([0, 999, 1000, 250_000, 1_000_000].map(sizeCategory)).toEqual(["n<1K", "n<1K", "1K<n<10K", "100K<n<1M", "1M<n<10M"]);
    expect(computeCrc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });
});
