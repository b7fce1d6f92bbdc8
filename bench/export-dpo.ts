// Export benchmark: DPO JSONL and Parquet from 250k, 500k and 1M judgments, through the same path
// as GET /api/v1/projects/{id}/export (runExport: snapshot, streaming loader, row builders,
// writer, hash, fsync, rename, record), each run in a fresh process so its peak RSS is its own.
// The floor is Postgres itself: COPY (the same judgment rows, joined with prompt and both
// responses, in the same order) TO STDOUT through psql into /dev/null. A script, not a test:
//   npx tsx --conditions=react-server bench/export-dpo.ts [--db cj_export_bench] [--reuse-data]
//     [--sizes 250000,500000,1000000] [--files jsonl,parquet] [--runs 1]
// Uses DATABASE_URL's server (only the database named --db is dropped and recreated) or an
// embedded cluster; writes bench/results/export.json and bench/results/export.md.
import { processTicks, listDatabaseBackends } from "./lib/cpu-meter";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openBenchDatabase } from "./lib/bench-database";
import { seedBulkExportProject } from "./export-seed";

const argv = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const log = (s: string) => console.log(`[export-bench ${new Date().toISOString().slice(11, 19)}] ${s}`);
const TICKS_PER_SECOND = 100;

type TRunResult = { wallMs: number; cpuMs: number; peakRssMb: number; baselineRssMb: number; postgresCpuMs: number; rows: number; bytes: number; sha256: string };

async function backendTicks(url: string): Promise<Map<number, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const pids = await listDatabaseBackends(client, { excludeSelf: true });
  await client.end();
  return new Map(pids.map((pid) => [pid, processTicks(pid)]));
}

/** The child: one export, measured from inside. Prints one JSON line. */
async function runChild(projectId: string, trainerId: string, file: string) {
  const { runExport } = await import("../lib/export/run-export");
  const { parseExportRequest } = await import("../lib/export/parse-export-request");
  const { getPool } = await import("../lib/db/client");
  let sampledRss = 0;
  const sampler = setInterval(() => (sampledRss = Math.max(sampledRss, process.memoryUsage.rss())), 25);
  const url = process.env.DATABASE_URL!;
  await getPool().query("SELECT 1");
  const baselineRssMb = process.memoryUsage.rss() / 2 ** 20;
  const before = await backendTicks(url);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const done = await runExport({
    caller: { id: trainerId, email: "bench@bench.example", name: null, role: "TRAINER", via: "token" },
    projectId,
    request: parseExportRequest({ format: "dpo", file }),
  });
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  // the export's connection is still in the pool: its ticks are the database's share of the work
  let postgresTicks = 0;
  for (const [pid, ticks] of await backendTicks(url)) postgresTicks += ticks - (before.get(pid) ?? 0);
  const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
  const peakRssMb = Math.max(hwm ? Number(hwm[1]) / 1024 : 0, sampledRss / 2 ** 20);
  fs.rmSync(done.filePath, { force: true });
  await getPool().end();
  const result: TRunResult = {
    wallMs,
    cpuMs: (used.user + used.system) / 1000,
    peakRssMb,
    baselineRssMb,
    postgresCpuMs: (postgresTicks / TICKS_PER_SECOND) * 1000,
    rows: Number(done.counts.rows),
    bytes: done.bytes,
    sha256: done.sha256,
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
}

function runInChild(env: NodeJS.ProcessEnv, args: string[]): Promise<TRunResult> {
  return new Promise((resolve, reject) => {
    const tsx = path.resolve("node_modules/tsx/dist/cli.mjs");
    const child = spawn(process.execPath, [tsx, "--conditions=react-server", "bench/export-dpo.ts", "--child", ...args], { env, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("RESULT "));
      if (code !== 0 || !line) reject(new Error(`export child failed (${code}): ${out}`));
      else resolve(JSON.parse(line.slice(7)) as TRunResult);
    });
  });
}

function findPsql(): string | null {
  for (const candidate of [process.env.PSQL, "psql", ...fs.readdirSync("/usr/lib/postgresql").map((v) => `/usr/lib/postgresql/${v}/bin/psql`)].filter(Boolean) as string[]) {
    if (spawnSync(candidate, ["--version"]).status === 0) return candidate;
  }
  return null;
}

/** Postgres alone: the judgment rows the DPO export reads, with prompt and both responses, in item order. */
function copyFloor(psql: string, url: string, projectId: string): { wallMs: number; bytes: number } {
  const sql = `COPY (SELECT i.external_id, i.prompt, ra.external_id, ra.model, ra.content, rb.external_id, rb.model, rb.content,
                      j.id, j.user_id, j.canonical_pref, j.both_bad, j.rubric_version, a.propensity, j.created_at
                 FROM items i JOIN units u ON u.item_id = i.id JOIN judgments j ON j.unit_id = u.id JOIN assignments a ON a.id = j.assignment_id
                 JOIN responses ra ON ra.id = u.response_a_id JOIN responses rb ON rb.id = u.response_b_id
                WHERE i.project_id = '${projectId}' ORDER BY i.external_id COLLATE "C", j.created_at, j.id) TO STDOUT`;
  const started = performance.now();
  const result = spawnSync(psql, [url, "-X", "-q", "-c", sql], { maxBuffer: 8 * 2 ** 30, stdio: ["ignore", "pipe", "inherit"] });
  if (result.status !== 0) throw new Error("psql COPY failed");
  return { wallMs: performance.now() - started, bytes: result.stdout.length };
}

async function main() {
  const sizes = arg("sizes", "250000,500000,1000000").split(",").map(Number);
  const files = arg("files", "jsonl,parquet").split(",");
  const runs = Number(arg("runs", "1"));
  const dbName = arg("db", "cj_export_bench");
  const started = Date.now();
  const db = await openBenchDatabase({ name: dbName, reuse: argv.includes("--reuse-data") });
  const exportDir = path.resolve("bench/out/exports");
  fs.mkdirSync(exportDir, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: db.url, EXPORT_DIR: exportDir };
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const projects: Array<{ judgments: number; projectId: string; trainerId: string; seedSeconds: number | null }> = [];
  for (const judgments of sizes) {
    const tag = `j${judgments}`;
    const found = await client.query<{ id: string }>("SELECT id FROM projects WHERE id = $1", [`bench-${tag}`]);
    if (found.rowCount) {
      const counted = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM judgments WHERE project_id = $1", [`bench-${tag}`]);
      projects.push({ judgments: counted.rows[0].n, projectId: `bench-${tag}`, trainerId: `bench-${tag}-trainer`, seedSeconds: null });
      continue;
    }
    log(`seeding ${judgments} judgments (${Math.ceil(judgments / 9)} items)…`);
    const t = performance.now();
    const bulk = await seedBulkExportProject(client, { items: Math.ceil(judgments / 9), tag });
    const seedSeconds = (performance.now() - t) / 1000;
    log(`seeded in ${seedSeconds.toFixed(1)} s`);
    projects.push({ judgments: bulk.judgments, projectId: bulk.projectId, trainerId: bulk.trainerId, seedSeconds });
  }
  const postgres = (await client.query<{ server_version: string }>("SHOW server_version")).rows[0].server_version;
  await client.end();

  const psql = findPsql();
  const results = [];
  for (const p of projects) {
    const floor = psql ? copyFloor(psql, db.url, p.projectId) : null;
    if (floor) log(`${p.judgments}: COPY floor ${(floor.wallMs / 1000).toFixed(2)} s, ${(floor.bytes / 2 ** 20).toFixed(0)} MiB`);
    for (const file of files) {
      for (let run = 1; run <= runs; run++) {
        const load = os.loadavg()[0];
        const r = await runInChild(env, [p.projectId, p.trainerId, file]);
        log(`${p.judgments} ${file} run ${run}: wall ${(r.wallMs / 1000).toFixed(2)} s, cpu ${(r.cpuMs / 1000).toFixed(2)} s, pg cpu ${(r.postgresCpuMs / 1000).toFixed(2)} s, peak RSS ${r.peakRssMb.toFixed(0)} MB, ${r.rows} rows, ${(r.bytes / 2 ** 20).toFixed(0)} MiB`);
        results.push({ judgments: p.judgments, file, run, loadAverageBefore: load, ...r, copyFloorMs: floor?.wallMs ?? null, copyFloorBytes: floor?.bytes ?? null, ratioToCopy: floor ? r.wallMs / floor.wallMs : null });
      }
    }
  }
  const report = {
    date: new Date().toISOString(),
    command: `npx tsx --conditions=react-server bench/export-dpo.ts ${argv.join(" ")}`.trim(),
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? "", memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, postgres, loadAverage: os.loadavg().map((v) => v.toFixed(2)).join(" ") },
    goal: { wallSeconds: 20, peakRssMb: 300, at: 1_000_000 },
    seeding: projects.map((p) => ({ judgments: p.judgments, seconds: p.seedSeconds })),
    results,
    totalSeconds: (Date.now() - started) / 1000,
  };
  fs.mkdirSync("bench/results", { recursive: true });
  fs.writeFileSync("bench/results/export.json", JSON.stringify(report, null, 2) + "\n");
  fs.writeFileSync("bench/results/export.md", renderMarkdown(report));
  log("wrote bench/results/export.json and bench/results/export.md");
  await db.stop();
}

function renderMarkdown(report: { date: string; command: string; machine: Record<string, unknown>; results: Array<Record<string, unknown>> }): string {
  const f = (v: unknown, digits = 2) => (typeof v === "number" ? v.toFixed(digits) : "–");
  const lines = [
    "# Export benchmark (DPO)",
    "",
    `${report.date} · \`${report.command}\``,
    "",
    `Machine: ${report.machine.cores} cores (${report.machine.cpu}), ${report.machine.memoryGb} GB, Node ${report.machine.node}, Postgres ${report.machine.postgres}; load average at the end ${report.machine.loadAverage}.`,
    "",
    "Each run is a fresh process calling `runExport` (what `GET /api/v1/projects/{id}/export?format=dpo&file=…` runs before it serves the file): REPEATABLE READ snapshot, cursor + batched loader, majority aggregation, writer, sha256, fsync, rename, export record. CPU is user + system of the export process; Postgres CPU is that of the database's backends during the run. The floor is psql running `COPY (the same judgment rows joined with prompt and both responses, same order) TO STDOUT`.",
    "",
    "| judgments | file | wall s | CPU s | Postgres CPU s | peak RSS MB | RSS before MB | rows | MiB | COPY floor s | wall / COPY | load before |",
    "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...report.results.map((r) =>
      `| ${Number(r.judgments).toLocaleString("en-US")} | ${r.file} | ${f(Number(r.wallMs) / 1000)} | ${f(Number(r.cpuMs) / 1000)} | ${f(Number(r.postgresCpuMs) / 1000)} | ${f(r.peakRssMb, 0)} | ${f(r.baselineRssMb, 0)} | ${Number(r.rows).toLocaleString("en-US")} | ${f(Number(r.bytes) / 2 ** 20, 0)} | ${r.copyFloorMs === null ? "–" : f(Number(r.copyFloorMs) / 1000)} | ${f(r.ratioToCopy, 1)} | ${f(r.loadAverageBefore)} |`,
    ),
    "",
    "Goal at 1M judgments: ≤ 20 s wall and ≤ 300 MB peak RSS.",
    "",
    "Reading the numbers: \"RSS before\" is the process after loading the app's modules (tsx, pg, Prisma) and before the export, so the export's own share of the peak is the difference. The machine is shared with other engineers' builds and benchmarks (see the load average before each run; 2 cores): wall time then exceeds the export's own CPU + Postgres CPU, whereas CPU time is what the export costs. Peak RSS does not grow with the number of judgments: the loader holds two batches of 250 items, the JSONL writer one ~1 MB chunk, the Parquet writer one row group (≤ 4M characters of text).",
    "",
  ];
  return lines.join("\n");
}

if (argv[0] === "--child") await runChild(argv[1], argv[2], argv[3]);
else await main();
