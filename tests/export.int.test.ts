import { createHash } from "node:crypto";
import fs from "node:fs";
import { gunzipSync } from "node:zlib";
import { parquetReadObjects } from "hyparquet";
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCaller } from "@/lib/auth/caller";
import { getPool } from "@/lib/db/client";
import { assignSplit } from "@/lib/export/assign-split";
import { completePath, exportDir, partialPath } from "@/lib/export/export-storage";
import { getExport } from "@/lib/export/get-export";
import { listExports } from "@/lib/export/list-exports";
import { parseExportRequest } from "@/lib/export/parse-export-request";
import { previewExport } from "@/lib/export/preview-export";
import { runExport } from "@/lib/export/run-export";
import { sweepStaleExports } from "@/lib/export/sweep-stale-exports";
import type { TExportRow } from "@/lib/export/types";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { GET as getExportRoute } from "@/app/api/v1/projects/[id]/export/route";
import { GET as listExportsRoute } from "@/app/api/v1/projects/[id]/exports/route";
import { seedBulkExportProject } from "@/bench/export-seed";
import { seedExportProject, seedModeProject, type TExportProjectFixture } from "./export-fixtures";

let fixture: TExportProjectFixture;
let trainer: TCaller;
const previousExportDir = process.env.EXPORT_DIR;

beforeAll(async () => {
  // a folder of its own: the crash test sweeps it, and must not touch anyone else's exports
  process.env.EXPORT_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "cj-export-test-"));
  fixture = await seedExportProject();
  trainer = fixture.trainer;
}, 120_000);

afterAll(() => {
  fs.rmSync(exportDir(), { recursive: true, force: true });
  if (previousExportDir === undefined) delete process.env.EXPORT_DIR;
  else process.env.EXPORT_DIR = previousExportDir;
});

/** Runs an export through the library (as the route does) and returns its bytes, then removes the file. */
async function exportBytes(query: Record<string, string>, target = { caller: trainer, projectId: fixture.projectId }): Promise<{ bytes: Buffer; sha256: string; id: string; counts: Record<string, unknown> }> {
  const done = await runExport({ ...target, request: parseExportRequest(query) });
  const bytes = fs.readFileSync(done.filePath);
  fs.rmSync(done.filePath);
  return { bytes, sha256: done.sha256, id: done.id, counts: done.counts };
}

async function exportRows(query: Record<string, string>, target?: { caller: TCaller; projectId: string }): Promise<TExportRow[]> {
  const { bytes } = await exportBytes({ file: "jsonl", ...query }, target);
  const text = bytes.toString("utf8");
  return text ? text.trimEnd().split("\n").map((line) => JSON.parse(line) as TExportRow) : [];
}

async function parquetRows(query: Record<string, string>, target?: { caller: TCaller; projectId: string }): Promise<TExportRow[]> {
  const { bytes } = await exportBytes({ ...query, file: "parquet" }, target);
  return (await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer })) as TExportRow[];
}

const pick = (rows: TExportRow[], ...keys: string[]) => rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));

describe("export of the designed project", () => {
  it("dpo: the majority winners, ties, both-bad, disagreements, weak and identical pairs left out", async () => {
    const rows = await exportRows({ format: "dpo" });
    expect(pick(rows, "pair_id", "chosen_id", "rejected_id", "n_raters")).toEqual([
      { pair_id: "a-sort:r1:r2", chosen_id: "r1", rejected_id: "r2", n_raters: 3 },
      { pair_id: "a-sort:r1:r3", chosen_id: "r1", rejected_id: "r3", n_raters: 3 },
      // u4 got the gold pair wrong, is flagged, and is left out by default
      { pair_id: "c-gold:r1:r2", chosen_id: "r1", rejected_id: "r2", n_raters: 3 },
      // every rater preferred s2, whichever side it was shown on
      { pair_id: "d-flip:s1:s2", chosen_id: "s2", rejected_id: "s1", n_raters: 3 },
    ]);
    expect(rows.map((r) => r.agreement)).toEqual([2 / 3, 1, 1, 1]);
    expect(rows.map((r) => r.strength_mean)).toEqual([4 / 3, 3, 2, 8 / 3]);
    expect(rows[0]).toMatchObject({ prompt: "Sort a list of integers in place.", chosen: "def sort(a):\n    a.sort()\n", rejected: "def sort(a):\n    return sorted(a)\n", prompt_id: "a-sort", chosen_model: "model-x", language: "python" });
    expect(rows[0]).not.toHaveProperty("margin");
  });

  it("reward: a float margin from strength on every row (Llama 2 small by default, large on request)", async () => {
    expect((await exportRows({ format: "reward" })).map((r) => r.margin)).toEqual([1 / 3, 1, 2 / 3, 1]);
    expect((await exportRows({ format: "reward", margin: "large" })).map((r) => r.margin)).toEqual([1, 3, 2, 3]);
  });

  it("kto: chosen true / rejected false, a tie gives two true rows and both-bad two false rows", async () => {
    const rows = await exportRows({ format: "kto" });
    expect(rows.map((r) => `${r.pair_id}/${r.response_id}=${r.label}`)).toEqual([
      "a-sort:r1:r2/r1=true", "a-sort:r1:r2/r2=false",
      "a-sort:r1:r3/r1=true", "a-sort:r1:r3/r3=false",
      "a-sort:r2:r3/r2=true", "a-sort:r2:r3/r3=true",
      "b-both-bad:r1:r2/r1=false", "b-both-bad:r1:r2/r2=false",
      "c-gold:r1:r2/r1=true", "c-gold:r1:r2/r2=false",
      "d-flip:s1:s2/s2=true", "d-flip:s1:s2/s1=false",
    ]);
    expect(rows.every((r) => typeof r.label === "boolean" && typeof r.completion === "string")).toBe(true);
  });

  it("filters: flagged raters, gold-passing raters, dates, rubric version and minimum raters", async () => {
    const withFlagged = await exportRows({ format: "dpo", excludeFlagged: "false" });
    expect(withFlagged.find((r) => r.prompt_id === "c-gold")).toMatchObject({ n_raters: 4, agreement: 3 / 4, strength_mean: 3 / 4 });
    expect(pick(await exportRows({ format: "dpo", goldPassingOnly: "true", excludeFlagged: "false" }), "pair_id", "n_raters")).toEqual(
      pick(await exportRows({ format: "dpo" }), "pair_id", "n_raters"),
    );
    expect(pick(await exportRows({ format: "dpo", excludeFlagged: "false", minRaters: "4" }), "pair_id")).toEqual([{ pair_id: "c-gold:r1:r2" }]);
    expect((await exportRows({ format: "dpo", from: "2024-01-01" })).map((r) => r.prompt_id)).toEqual(["a-sort", "a-sort", "c-gold"]);
    expect((await exportRows({ format: "dpo", to: "2021-01-01" })).map((r) => r.prompt_id)).toEqual(["d-flip"]);
    const v2 = await exportRows({ format: "raw", rubricVersion: "2" });
    expect(v2.map((r) => r.prompt_id)).toEqual(["b-both-bad", "b-both-bad", "b-both-bad"]);
  });

  it("raw: one row per judgment in the unit's orientation, pseudonymous raters, no user ids, names or e-mails", async () => {
    const { bytes } = await exportBytes({ format: "raw" });
    const text = bytes.toString("utf8");
    const rows = text.trimEnd().split("\n").map((l) => JSON.parse(l) as TExportRow);
    expect(rows).toHaveLength(27);
    expect(new Set(rows.map((r) => r.rater)).size).toBe(3);
    for (const r of rows) expect(r.rater).toMatch(/^rater-[0-9a-f]{10}$/);
    for (const user of [trainer, ...Object.values(fixture.raters)]) {
      expect(text).not.toContain(user.id);
      expect(text).not.toContain(user.email);
      expect(text).not.toContain(user.name ?? "never");
    }
    expect(text).not.toMatch(/@export\.example/);
    const dflip = rows.filter((r) => r.prompt_id === "d-flip");
    // the three were dated alike (2020), so their order among themselves follows the judgment id
    expect(dflip.map((r) => r.preference).sort()).toEqual([2, 3, 3]);
    for (const r of dflip) {
      expect(r.unit_responses).toEqual(["s1", "s2"]);
      expect([...(r.slot_order as string[])].sort()).toEqual(["s1", "s2"]);
    }
    const commented = rows.find((r) => Array.isArray(r.comments) && r.comments.length > 0);
    expect(commented).toMatchObject({ prompt_id: "a-sort", unit_responses: ["r1", "r3"], rationale: "r3 does nothing" });
    expect(commented?.comments).toEqual([{ slot: expect.stringMatching(/^[AB]$/), response_id: "r3", line_start: 2, line_end: 2, aspect: null, text: "pass" }]);
    const slotOfR3 = String.fromCharCode(65 + (commented?.slot_order as string[]).indexOf("r3"));
    expect((commented?.comments as Array<{ slot: string }>)[0].slot).toBe(slotOfR3);
    const withFlagged = await exportRows({ format: "raw", excludeFlagged: "false" });
    expect(withFlagged).toHaveLength(28);
    expect(new Set(withFlagged.map((r) => r.rater)).size).toBe(4);
  });

  it("weights=reliability: Dawid–Skene weights from the judgments make the dissenting rater count less", async () => {
    const equal = await exportRows({ format: "dpo" });
    const weighted = await exportRows({ format: "dpo", weights: "reliability" });
    // u3 is the odd one out on four of the seven valued pairs, so weighs less than u1 and u2 (who
    // weigh alike): a-sort r1>r2 (u1, u2 against u3) is now more than 2/3 agreed, and f-small's
    // mean, −1/3 with equal weights, passes the 0.5 strength floor
    expect(weighted.map((r) => r.pair_id)).toEqual([...equal.map((r) => r.pair_id), "f-small:v1:v2"]);
    const pair = weighted.find((r) => r.pair_id === "a-sort:r1:r2")!;
    expect(pair.agreement).toBeGreaterThan(2 / 3);
    expect(pair.agreement).toBeLessThan(1);
    const small = weighted.find((r) => r.pair_id === "f-small:v1:v2")!;
    expect(small).toMatchObject({ chosen_id: "v1", agreement: pair.agreement });
    expect(small.strength_mean).toBeGreaterThanOrEqual(0.5);
    expect(weighted.find((r) => r.pair_id === "a-sort:r1:r3")!.agreement).toBe(1);
  });

  it("aggregation=bt with margin=bt: pairs oriented and margins set by the per-prompt Bradley–Terry fit", async () => {
    const rows = await exportRows({ format: "reward", aggregation: "bt", margin: "bt" });
    const byPair = new Map(rows.map((r) => [r.pair_id, r]));
    expect(byPair.get("a-sort:r1:r2")).toMatchObject({ chosen_id: "r1", rejected_id: "r2" });
    expect(byPair.get("a-sort:r1:r3")).toMatchObject({ chosen_id: "r1", rejected_id: "r3" });
    expect(byPair.get("d-flip:s1:s2")).toMatchObject({ chosen_id: "s2" });
    // ties and both-bad stay out
    expect(byPair.has("a-sort:r2:r3")).toBe(false);
    expect(byPair.has("b-both-bad:r1:r2")).toBe(false);
    for (const r of rows) expect(r.margin).toBeGreaterThan(0);
    // wins are BT's sufficient statistic: r1 won 5 of 6, r2 and r3 2 of 6 each (ties as halves) on
    // equally many comparisons, so r2 and r3 fit alike and both r1 pairs have the same gap
    expect(byPair.get("a-sort:r1:r3")!.margin).toBeCloseTo(byPair.get("a-sort:r1:r2")!.margin as number, 6);
  });

  it("splits partition the prompts by a stable hash and re-export identically", async () => {
    const all = await exportRows({ format: "kto", testShare: "0.5" });
    const train = await exportRows({ format: "kto", split: "train", testShare: "0.5" });
    const test = await exportRows({ format: "kto", split: "test", testShare: "0.5" });
    expect(train.length + test.length).toBe(all.length);
    const trainIds = new Set(train.map((r) => r.prompt_id));
    const testIds = new Set(test.map((r) => r.prompt_id));
    for (const id of trainIds) expect(testIds.has(id)).toBe(false);
    for (const r of train) expect(assignSplit({ itemId: String(r.prompt_id), testShare: 0.5 })).toBe("train");
    for (const r of test) expect(assignSplit({ itemId: String(r.prompt_id), testShare: 0.5 })).toBe("test");
    expect([...train, ...test].map((r) => r.pair_id).sort()).toEqual(all.map((r) => r.pair_id).sort());
    expect(await exportRows({ format: "kto", split: "test", testShare: "0.5" })).toEqual(test);
  });

  it("Parquet read back equals the JSONL rows, types included", async () => {
    for (const format of ["dpo", "reward", "kto", "raw"]) {
      const jsonl = await exportRows({ format });
      const parquet = await parquetRows({ format });
      expect(parquet, format).toEqual(jsonl);
    }
  });

  it("the same parameters on the same data give byte-identical files (jsonl, parquet, bundle)", async () => {
    const queries: Record<string, string>[] = [{ format: "dpo" }, { format: "reward", file: "parquet", split: "train", testShare: "0.4" }, { file: "bundle" }, { file: "bundle", archive: "zip" }];
    for (const query of queries) {
      const first = await exportBytes(query);
      const second = await exportBytes(query);
      expect(second.sha256, JSON.stringify(query)).toBe(first.sha256);
      expect(createHash("sha256").update(second.bytes).digest("hex")).toBe(first.sha256);
      expect(Buffer.compare(first.bytes, second.bytes)).toBe(0);
    }
  });
});

/** Entries of a .tar.gz: name and content. */
function readTarGz(archive: Buffer): Map<string, Buffer> {
  const tar = gunzipSync(archive);
  const entries = new Map<string, Buffer>();
  const text = (from: number, length: number) => tar.subarray(from, from + length).toString("utf8").replace(/\0.*$/s, "");
  for (let offset = 0; offset + 512 <= tar.length && tar[offset] !== 0; ) {
    const size = parseInt(text(offset + 124, 12), 8);
    const prefix = text(offset + 345, 155);
    const name = text(offset, 100);
    entries.set(prefix ? `${prefix}/${name}` : name, tar.subarray(offset + 512, offset + 512 + size));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return entries;
}

describe("rating and ranking projects", () => {
  it("rating: ratings keyed by the caller's response ids, averaged per response", async () => {
    const rated = await seedModeProject("rating");
    const target = { caller: rated.trainer, projectId: rated.projectId };
    const rows = await exportRows({ format: "ratings" }, target);
    expect(pick(rows, "prompt_id", "response_id", "n_raters", "correctness")).toEqual([
      { prompt_id: "rate-1", response_id: "q1", n_raters: 2, correctness: 4 },
      { prompt_id: "rate-1", response_id: "q2", n_raters: 2, correctness: 2 },
    ]);
    const raw = await exportRows({ format: "raw" }, target);
    expect(raw).toHaveLength(4);
    for (const r of raw) {
      expect(r.unit_responses).toHaveLength(1);
      expect(Object.keys(r.ratings as object)).toEqual(r.unit_responses);
    }
    expect(await parquetRows({ format: "ratings" }, target)).toEqual(rows);
  });

  it("ranking: rankings best first in the caller's ids, and the pairs they imply", async () => {
    const ranked = await seedModeProject("ranking");
    const target = { caller: ranked.trainer, projectId: ranked.projectId };
    const rankings = await exportRows({ format: "rankings" }, target);
    expect(pick(rankings, "prompt_id", "response_ids", "n_raters")).toEqual([{ prompt_id: "rank-1", response_ids: ["k2", "k1", "k3"], n_raters: 2 }]);
    const raw = await exportRows({ format: "raw" }, target);
    expect(raw.map((r) => r.ranking)).toEqual([["k2", "k1", "k3"], ["k2", "k1", "k3"]]);
    expect(raw.map((r) => r.unit_responses)).toEqual([["k1", "k2", "k3"], ["k1", "k2", "k3"]]);
    const dpo = await exportRows({ format: "dpo" }, target);
    expect(dpo.map((r) => `${r.chosen_id}>${r.rejected_id}`)).toEqual(["k2>k1", "k1>k3", "k2>k3"]);
  });
});

describe("HF bundle (file=bundle)", () => {
  it("holds README.md and <config>/<split>-00000-of-00001.parquet, with the card's counts matching the files", async () => {
    const { bytes, counts } = await exportBytes({ file: "bundle", testShare: "0.5" });
    const entries = readTarGz(bytes);
    const configs = ["dpo", "reward", "kto", "raw"];
    // README first, then the Parquet files sorted by path
    expect([...entries.keys()]).toEqual(["README.md", ...configs.flatMap((c) => [`${c}/test-00000-of-00001.parquet`, `${c}/train-00000-of-00001.parquet`]).sort()]);
    const card = entries.get("README.md")!.toString("utf8");
    expect(card).toMatch(/^---\nlicense: other\n/);
    expect(card).toContain("- config_name: dpo\n  data_files:\n  - split: train\n    path: dpo/train-00000-of-00001.parquet");
    const dpoRows = await exportRows({ format: "dpo" });
    for (const config of configs) {
      for (const split of ["train", "test"]) {
        const file = entries.get(`${config}/${split}-00000-of-00001.parquet`)!;
        const rows = await parquetReadObjects({ file: file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer });
        expect(card).toContain(`| ${config} | ${split} | ${rows.length} | \`${config}/${split}-00000-of-00001.parquet\` |`);
        if (config === "dpo") expect(rows).toEqual(dpoRows.filter((r) => assignSplit({ itemId: String(r.prompt_id), testShare: 0.5 }) === split));
      }
    }
    expect(card).toContain("- Prompts: 7; judgments: 27; raters: 3 (pseudonymous ids).");
    expect(card).toContain("- Pairs kept: 4; ties: 1; both-bad: 1.");
    expect(card).toContain("Majority of the overall preference");
    expect(card).toContain("Split by prompt");
    expect(card).toContain("## Rubric\n\nVersion 2.");
    expect(counts).toMatchObject({ rows: 4 + 4 + 12 + 27, items: 7, judgments: 27, raters: 3, pairsKept: 4 });
  });
});

describe("preview", () => {
  it("shows the first rows of the split and the row counts per split, as the files hold them", async () => {
    const preview = await previewExport({ caller: trainer, projectId: fixture.projectId, request: parseExportRequest({ format: "kto", split: "test", testShare: "0.5" }) });
    const test = await exportRows({ format: "kto", split: "test", testShare: "0.5" });
    const train = await exportRows({ format: "kto", split: "train", testShare: "0.5" });
    expect(preview.counts).toMatchObject({ train: train.length, test: test.length, rows: 12, pairsKept: 4, ties: 1, bothBad: 1 });
    expect(preview.rows).toEqual(test.slice(0, 20));
    expect(preview.columns.map((c) => c.name).slice(0, 3)).toEqual(["prompt", "completion", "label"]);
    const limited = await previewExport({ caller: trainer, projectId: fixture.projectId, request: parseExportRequest({ format: "raw" }), limit: 5 });
    expect(limited.rows).toHaveLength(5);
    expect(limited.counts.rows).toBe(27);
  });
});

describe("GET /api/v1/projects/{id}/export", () => {
  const call = async (handler: typeof getExportRoute, userId: string, pathAndQuery: string) => {
    const { secret } = await createApiToken({ userId });
    const request = new Request(`http://localhost/api/v1/projects/${fixture.projectId}/${pathAndQuery}`, { headers: { authorization: `Bearer ${secret}` } });
    return handler(request, { params: Promise.resolve({ id: fixture.projectId }) });
  };

  it("streams the finished file with its length, name and sha256, and records who exported what", async () => {
    const response = await call(getExportRoute, trainer.id, "export?format=reward&file=jsonl&split=all");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-ndjson");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="reward-all.jsonl"');
    const body = Buffer.from(await response.arrayBuffer());
    expect(Number(response.headers.get("content-length"))).toBe(body.length);
    expect(Number(response.headers.get("x-export-bytes"))).toBe(body.length);
    const sha256 = createHash("sha256").update(body).digest("hex");
    expect(response.headers.get("x-export-sha256")).toBe(sha256);
    expect(response.headers.get("repr-digest")).toBe(`sha-256=:${createHash("sha256").update(body).digest("base64")}:`);
    expect(body.toString("utf8").trimEnd().split("\n")).toHaveLength(4);
    const id = response.headers.get("x-export-id")!;
    // served once, then removed: only the record remains
    expect(fs.existsSync(completePath(id))).toBe(false);
    const record = await getExport({ caller: trainer, projectId: fixture.projectId, exportId: id });
    expect(record).toMatchObject({ status: "COMPLETE", format: "reward", file: "jsonl", sha256, bytes: body.length, by: { email: trainer.email } });
    expect(record.params).toMatchObject({ format: "reward", file: "jsonl", split: "all", aggregation: "majority", testShare: 0.1 });
    expect(record.counts).toMatchObject({ rows: 4, items: 7, judgments: 27, raters: 3, pairsKept: 4, ties: 1, bothBad: 1 });

    const listed = await call(listExportsRoute, trainer.id, "exports");
    expect(listed.status).toBe(200);
    const { exports } = (await listed.json()) as { exports: Array<{ id: string; sha256: string }> };
    expect(exports[0]).toMatchObject({ id, sha256 });
  });

  it("answers 400 with the one error shape on a bad query, 403 to annotators, 404 for unknown projects", async () => {
    const bad = await call(getExportRoute, trainer.id, "export?format=nope&testShare=2");
    expect(bad.status).toBe(400);
    const error = ((await bad.json()) as { error: { code: string; details: Array<{ path: string }> } }).error;
    expect(error.code).toBe("invalid_input");
    expect(error.details.map((d) => d.path).sort()).toEqual(["format", "testShare"]);
    expect((await call(getExportRoute, trainer.id, "export?format=dpo&file=csv")).status).toBe(400);
    expect((await call(getExportRoute, trainer.id, "export?file=bundle&archive=rar")).status).toBe(400);
    const denied = await call(getExportRoute, fixture.raters.u1.id, "export?format=dpo");
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    expect((await call(listExportsRoute, fixture.raters.u1.id, "exports")).status).toBe(403);
    const { secret } = await createApiToken({ userId: trainer.id });
    const missing = await getExportRoute(new Request("http://localhost/api/v1/projects/nope/export", { headers: { authorization: `Bearer ${secret}` } }), { params: Promise.resolve({ id: "nope" }) });
    expect(missing.status).toBe(404);
  });
});

describe("an export whose client goes away", () => {
  it("stops, is recorded FAILED (cancelled) and leaves no file", async () => {
    const controller = new AbortController();
    controller.abort();
    const failed = await runExport({ caller: trainer, projectId: fixture.projectId, request: parseExportRequest({ format: "dpo" }), signal: controller.signal }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(Error);
    const [latest] = await listExports({ caller: trainer, projectId: fixture.projectId, limit: 1 });
    expect(latest).toMatchObject({ status: "FAILED", sha256: null, counts: { error: "cancelled: the client went away" } });
    expect(fs.existsSync(partialPath(latest.id))).toBe(false);
    expect(fs.existsSync(completePath(latest.id))).toBe(false);
  });
});

describe("an export killed mid-way", () => {
  it("never becomes COMPLETE, leaves only a .partial file that is never served, and is swept to FAILED", async () => {
    const client = await getPool().connect();
    let bulk;
    try {
      bulk = await seedBulkExportProject(client, { items: 4_000 });
    } finally {
      client.release();
    }
    const tsx = path.resolve("node_modules/tsx/dist/cli.mjs");
    const child = spawn(process.execPath, [tsx, "--conditions=react-server", "tests/export-crash-child.ts", bulk.projectId, bulk.trainerId, "dpo", "jsonl"], {
      env: { ...process.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    // wait until the export has a record and has started writing its file, then kill it
    let id: string | null = null;
    let isWriting = false;
    // alone this takes seconds; beside the other integration files on 2 cores it took up to a minute
    const deadline = Date.now() + 150_000;
    while (Date.now() < deadline && child.exitCode === null) {
      const { rows } = await getPool().query<{ id: string }>("SELECT id FROM export_records WHERE project_id = $1", [bulk.projectId]);
      id = rows[0]?.id ?? null;
      isWriting = Boolean(id && fs.existsSync(partialPath(id)) && fs.statSync(partialPath(id)).size > 0);
      if (isWriting) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(child.exitCode, output).toBeNull();
    expect(isWriting, `the export had not started writing its file: ${output}`).toBe(true);
    child.kill("SIGKILL");
    await exited;
    expect(id).not.toBeNull();
    const record = await getExport({ caller: trainer, projectId: bulk.projectId, exportId: id! });
    expect(record).toMatchObject({ status: "RUNNING", sha256: null, bytes: null });
    expect(fs.existsSync(completePath(id!))).toBe(false);
    expect(fs.existsSync(partialPath(id!))).toBe(true);

    await sweepStaleExports({ now: Date.now() + 2 * 60 * 60 * 1000 });
    expect(await getExport({ caller: trainer, projectId: bulk.projectId, exportId: id! })).toMatchObject({ status: "FAILED", sha256: null });
    expect(fs.existsSync(partialPath(id!))).toBe(false);
    const listed = await listExports({ caller: trainer, projectId: bulk.projectId });
    expect(listed.map((e) => e.status)).toEqual(["FAILED"]);
  }, 180_000);
});
