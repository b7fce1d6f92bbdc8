// The priors refresh (lib/ranking/refresh-priors.ts) on the active-latency dataset: 100k items ×
// 4 responses = 600k candidate pairs, driven through the paths that ask for it. A script, not a test:
//   npx tsx --conditions=react-server bench/refresh-priors.ts [--db cj_bench_refresh]
//     [--from cj_bench_active] [--reuse-data] [--items 100000] [--responses 4] [--new-items 1000]
// Phases: (1) a score upload for every response (every prior moves, so every posterior and
// priority is rewritten): how long the upload request takes, then the background refresh;
// (2) the refit with nothing new (steady state); (3) an import of --new-items unscored prompts.
// Wall time on a shared 2-core machine is noisy; CPU seconds (this process, and the Postgres
// backends of the bench database) are the steadier figure. Writes bench/results/refresh-priors.{json,md}.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openBenchDatabase } from "./lib/bench-database";
import { processTicks, listDatabaseBackends } from "./lib/cpu-meter";

const argv = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const config = {
  database: arg("db", "cj_bench_refresh"),
  template: arg("from", "cj_bench_active"),
  items: Number(arg("items", "100000")),
  responses: Number(arg("responses", "4")),
  newItems: Number(arg("new-items", "1000")),
  isReusingData: argv.includes("--reuse-data"),
};
const log = (s: string) => console.log(`[refresh-bench ${new Date().toISOString().slice(11, 19)}] ${s}`);

type TTimed = { wallSeconds: number; nodeCpuSeconds: number; postgresCpuSeconds: number; peakRssMb: number };

async function main() {
  const startedAt = new Date();
  const db = await openBenchDatabase({ name: config.database, reuse: config.isReusingData, template: config.template });
  process.env.DATABASE_URL = db.url;
  const { loadBenchData } = await import("./lib/load-bench-data");
  const { getPool } = await import("../lib/db/client");
  const { importScores } = await import("../lib/items/import-scores");
  const { importItems } = await import("../lib/items/import-items");
  const { refreshPriors } = await import("../lib/ranking/refresh-priors");
  const { awaitPriorsRefresh } = await import("../lib/ranking/schedule-priors-refresh");
  const { getPriorsStatus } = await import("../lib/ranking/get-priors-status");
  const pool = getPool();
  const data = await loadBenchData({ isFresh: db.isFresh, items: config.items, responses: config.responses, annotators: 0, log });
  const projectId = data.projectId;
  const owner = (await pool.query<{ id: string }>("SELECT created_by_id AS id FROM projects WHERE id = $1", [projectId])).rows[0].id;
  await pool.query("UPDATE projects SET sampling = 'active' WHERE id = $1", [projectId]);
  const counts = (await pool.query<{ items: number; units: number; judgments: number }>(
    `SELECT (SELECT count(*)::int FROM items WHERE project_id = $1) AS items, (SELECT count(*)::int FROM units WHERE project_id = $1) AS units,
            (SELECT count(*)::int FROM judgments WHERE project_id = $1) AS judgments`,
    [projectId],
  )).rows[0];
  log(`project ${projectId}: ${counts.units} pairs, ${counts.judgments} judgments`);

  const backends = () => listDatabaseBackends(pool, { excludeSelf: false });
  // Postgres CPU: the bench database's backends sampled every 200 ms (the pool closes idle
  // connections, so a backend may end mid-phase; it counts up to its last sample).
  const timed = async <T>(work: () => Promise<T>): Promise<{ value: T } & TTimed> => {
    const first = new Map<number, number>();
    const last = new Map<number, number>();
    let peakRss = process.memoryUsage().rss;
    const sample = async () => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      for (const pid of await backends()) {
        const ticks = processTicks(pid);
        if (!first.has(pid)) first.set(pid, ticks);
        if (ticks > 0) last.set(pid, ticks);
      }
    };
    await sample();
    const sampler = setInterval(() => void sample().catch(() => {}), 200);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const value = await work().finally(() => clearInterval(sampler));
    const wallSeconds = (performance.now() - started) / 1000;
    const own = process.cpuUsage(cpu);
    await sample();
    let ticks = 0;
    for (const [pid, end] of last) ticks += end - (first.get(pid) ?? end);
    return { value, wallSeconds, nodeCpuSeconds: (own.user + own.system) / 1e6, postgresCpuSeconds: ticks / 100, peakRssMb: peakRss / 2 ** 20 };
  };
  // A request that asks for a refresh, then the refresh it scheduled (in this process), timed apart.
  const requestThenRefresh = async (label: string, request: () => Promise<unknown>) => {
    log(`${label}: request`);
    const req = await timed(request);
    log(`${label}: request returned after ${req.wallSeconds.toFixed(2)} s; waiting for the background refresh`);
    const refresh = await timed(() => awaitPriorsRefresh(projectId));
    const status = await getPriorsStatus(projectId);
    log(`${label}: refresh ${status.status} after ${refresh.wallSeconds.toFixed(1)} s: ${JSON.stringify(status)}`);
    return { label, request: strip(req), refresh: { ...strip(refresh), status } };
  };

  const phases: TPhase[] = [];
  const run = Date.now();
  const { rows: responses } = await pool.query<{ item: string; response: string }>(
    "SELECT i.external_id AS item, r.external_id AS response FROM responses r JOIN items i ON i.id = r.item_id WHERE r.project_id = $1",
    [projectId],
  );
  // scores that differ on every run, so each run moves every prior
  const lines = responses.map((r, k) => ({ item: r.item, response: r.response, scores: { reward_model: Math.round(Math.abs(Math.sin(k * 12.9898 + run)) * 1e4) / 1e4 } }));
  phases.push(await requestThenRefresh(`score upload (${lines.length} responses)`, () => importScores({ projectId, actorId: owner, body: ndjsonBody(lines) })));

  log("refit with nothing new");
  const steady = await timed(() => refreshPriors({ projectId }));
  log(`  ${JSON.stringify(steady.value)}`);
  phases.push({ label: "refit with nothing new", refresh: { ...strip(steady), result: steady.value } });

  const items = Array.from({ length: config.newItems }, (_, i) => ({
    id: `refresh-bench-${run}-${i}`,
    prompt: `New task ${i}`,
    language: "python",
    responses: Array.from({ length: config.responses }, (_, r) => ({ id: `r${r}`, model: `model-${r}`, content: `def f():\n    return ${r}\n` })),
  }));
  phases.push(await requestThenRefresh(`import of ${config.newItems} new prompts`, () => importItems({ project: { id: projectId, mode: "pairwise", overlap: 3 }, body: ndjsonBody(items), actorId: owner })));

  writeReport({ startedAt, counts, phases, pg: (await pool.query<{ v: string }>("SELECT split_part(version(), ' on ', 1) AS v")).rows[0].v });
  await pool.end();
  await db.stop();
}

function strip<T extends TTimed>(t: T): TTimed {
  return { wallSeconds: round(t.wallSeconds), nodeCpuSeconds: round(t.nodeCpuSeconds), postgresCpuSeconds: round(t.postgresCpuSeconds), peakRssMb: Math.round(t.peakRssMb) };
}
const round = (v: number) => Math.round(v * 100) / 100;

function ndjsonBody(lines: object[]): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
  return new ReadableStream({
    start(controller) {
      for (let k = 0; k < bytes.length; k += 1 << 20) controller.enqueue(bytes.subarray(k, k + (1 << 20)));
      controller.close();
    },
  });
}

// Measured once by hand with the implementation this replaced (commit 6d475c8: batches of 2000
// items, every pair of a batch locked, then rescored; priors from float8 sums in SQL), on this
// bench's database and schema, same machine, load average ≈ 7. Kept as the reference.
const BEFORE = [
  "## Before (the synchronous refresh of 6d475c8, for reference)",
  "",
  "| case | wall | CPU node + Postgres | written |",
  "|---|---|---|---|",
  "| every prior moves (a score upload) | 153.5 s, inside the upload request | 8.5 + 84.8 s | 404000 / 606000 |",
  "| nothing new | 151.3 s, inside the request | 8.1 + 71.5 s | 0 / 579603 (float8 sums in a new order: last-bit noise in every prior) |",
];

type TPhase = { label: string; request?: TTimed; refresh: TTimed & { status?: { items: number | null; responsesChanged: number | null; unitsRescored: number | null; seconds: number | null }; result?: unknown } };

function writeReport(r: { startedAt: Date; counts: { items: number; units: number; judgments: number }; phases: TPhase[]; pg: string }) {
  const report = {
    date: r.startedAt.toISOString(),
    command: `npx tsx --conditions=react-server bench/refresh-priors.ts ${argv.join(" ")}`.trim(),
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? "?", node: process.version, postgres: r.pg, loadAtEnd: os.loadavg().map((l) => l.toFixed(2)).join(" ") },
    config,
    data: r.counts,
    phases: r.phases,
  };
  const dir = path.resolve("bench/results");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "refresh-priors.json"), JSON.stringify(report, null, 2) + "\n");
  const written = (p: TPhase) => {
    const s = p.refresh.status ?? (p.refresh.result as TPhase["refresh"]["status"]);
    return s ? `${s.responsesChanged ?? 0} / ${s.unitsRescored ?? 0}` : "–";
  };
  const cell = (t?: TTimed) => (t ? `${t.wallSeconds} s (CPU ${t.nodeCpuSeconds} + ${t.postgresCpuSeconds} s; RSS ≤ ${t.peakRssMb} MB)` : "–");
  const md = [
    "# Priors refresh at 600k pairs",
    "",
    `- date: ${report.date}; machine: ${report.machine.cores} cores (${report.machine.cpu}), Node ${report.machine.node}, ${report.machine.postgres}; load average at the end ${report.machine.loadAtEnd} (shared machine)`,
    `- command: \`${report.command}\``,
    `- data at the start: ${r.counts.items} items × ${config.responses} responses = ${r.counts.units} pairs, ${r.counts.judgments} judgments (a copy of ${config.template} when it could be copied); the project samples actively`,
    "- a request that changes priors commits, returns, and leaves the refresh to the background (lib/ranking/run-priors-refresh.ts); serving meanwhile uses the previous priorities",
    "- times are wall seconds, with CPU seconds of this process + of the bench database's Postgres backends and this process's peak RSS (the refresh runs in it, as in the app); written = responses / pairs rewritten",
    "",
    "| phase | request returns after | background refresh | written |",
    "|---|---|---|---|",
    ...r.phases.map((p) => `| ${p.label} | ${cell(p.request)} | ${cell(p.refresh)} | ${written(p)} |`),
    "",
    ...BEFORE,
    "",
  ];
  fs.writeFileSync(path.join(dir, "refresh-priors.md"), md.join("\n"));
  log("wrote bench/results/refresh-priors.{json,md}");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
