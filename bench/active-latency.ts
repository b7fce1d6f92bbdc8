// Latency of choosing the next pair under active sampling, against random sampling on the same
// data: 100k items × 4 responses = 600k candidate pairs, open-loop load through `npm start` (scripts/start.mjs).
// Reuses the assignment-load driver (bench/lib); a script, not a test:
//   npx tsx --conditions=react-server bench/active-latency.ts [--rate 200] [--seconds 60]
//     [--steps 100,150,200,300,400] [--step-seconds 20] [--items 100000] [--responses 4]
//     [--annotators 1000] [--db cj_bench_active] [--reuse-data] [--rebuild] [--skip-steps] [--only active|random]
// The items are loaded once into <db>_seed (--reuse-data keeps it); each mode runs on a fresh copy, <db>.
// Per sampling mode: warm-up, the main phase at --rate, then rising steps until one misses
// p99 ≤ 50 ms (saturation = highest passing step). Writes bench/results/active-latency.{json,md}.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeConnections } from "./lib/http-client";
import pg from "pg";
import { copyBenchDatabase, openBenchDatabase } from "./lib/bench-database";
import { ensureBuild, readWorkers, startBenchServer } from "./lib/bench-server";
import { startCpuMeter, listDatabaseBackends } from "./lib/cpu-meter";
import { describeSlowestSeconds, runOpenLoop } from "./lib/open-loop";
import { formatTable, type TPhaseReport } from "./lib/write-results";
import { freePort } from "../lib/db/embedded";
import { readArgs } from "./lib/cli-args";

const { argv, arg, flag } = readArgs();
const config = {
  rate: Number(arg("rate", "200")),
  seconds: Number(arg("seconds", "60")),
  warmupSeconds: Number(arg("warmup-seconds", "15")),
  steps: arg("steps", "100,150,200,300,400").split(",").map(Number),
  stepSeconds: Number(arg("step-seconds", "20")),
  items: Number(arg("items", "100000")),
  responses: Number(arg("responses", "4")),
  annotators: Number(arg("annotators", "1000")),
  workers: readWorkers(arg),
  database: arg("db", "cj_bench_active"),
  distDir: ".next-bench-active",
  p99GoalMs: Number(arg("p99-ms", "50")),
  dbPoolSize: Number(arg("db-pool", process.env.DB_POOL_SIZE ?? "10")),
  modes: (flag("only") ? [arg("only", "active")] : ["random", "active"]) as Array<"random" | "active">,
  isReusingData: flag("reuse-data"),
  isSkippingSteps: flag("skip-steps"),
};
const log = (s: string) => console.log(`[active-bench ${new Date().toISOString().slice(11, 19)}] ${s}`);
const HARD_LIMIT_MS = Number(arg("time-limit-minutes", "50")) * 60_000;

type TModeReport = { sampling: string; main: TPhaseReport; steps: TPhaseReport[]; saturationRate: number | null; reasons: Record<string, number>; learningDrainedMs: number };

async function main() {
  const startedAt = new Date();
  // The items live in a seed database, loaded once (kept with --reuse-data). Each sampling mode
  // runs on a fresh file copy of it with a server of its own, so both start from the same data
  // (no judgments) and no run inherits what earlier runs judged: reusing one database across runs
  // grew it past 2 GB and 700k judgments, and the figures drifted with it.
  const seedName = `${config.database}_seed`;
  const seed = await openBenchDatabase({ name: seedName, reuse: config.isReusingData });
  process.env.DATABASE_URL = seed.url;
  const { loadBenchData } = await import("./lib/load-bench-data");
  const { getPool, closePool } = await import("../lib/db/client");
  const { refreshPriors } = await import("../lib/ranking/refresh-priors");
  const seeded = await loadBenchData({ isFresh: seed.isFresh, items: config.items, responses: config.responses, annotators: 0, log });
  await closePool();
  log(`seed ${seedName}: project ${seeded.projectId}, ${seeded.units} units`);

  const serverEnvFor = (url: string) => ({
    ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1", TOKEN_RATE_LIMIT_PER_MIN: "0", DB_POOL_SIZE: String(config.dbPoolSize),
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-secret-not-for-production-0123456789", NEXTAUTH_URL: "http://127.0.0.1",
  });
  const build = ensureBuild({ env: serverEnvFor(seed.url), force: flag("rebuild"), log, distDir: config.distDir });
  let server: Awaited<ReturnType<typeof startBenchServer>> | null = null;
  const stopServer = async () => {
    await server?.stop();
    server = null;
    closeConnections();
  };
  const abort = (why: string) => {
    console.error(`bench: ${why}, stopping the server`);
    void stopServer().finally(() => void seed.stop().finally(() => process.exit(2)));
  };
  const watchdog = setTimeout(() => abort("time limit reached"), HARD_LIMIT_MS);
  process.once("SIGINT", () => abort("interrupted"));
  process.once("SIGTERM", () => abort("terminated"));

  const reports: TModeReport[] = [];
  let priorSeconds = 0;
  let data = { units: seeded.units, tokens: [] as string[] };
  let policy = { epsilon: 0, reserve_share: 0, gold_rate: 0 };
  let explain = "";
  try {
    for (const sampling of config.modes) {
      const url = await copyBenchDatabase({ serverUrl: seed.url, name: config.database, template: seedName });
      process.env.DATABASE_URL = url;
      const pool = getPool();
      const loaded = await loadBenchData({ isFresh: false, items: config.items, responses: config.responses, annotators: config.annotators, log });
      data = loaded;
      log(`${sampling}: fresh copy ${config.database} of ${seedName}, ${loaded.units} units, ${loaded.tokens.length} new annotators`);
      // the bench project keeps no gold; the overlap reserve and ε stay at the project defaults
      policy = (await pool.query<{ epsilon: number; reserve_share: number; gold_rate: number }>("SELECT epsilon, reserve_share, gold_rate FROM projects WHERE id = $1", [loaded.projectId])).rows[0];
      await pool.query("UPDATE projects SET sampling = $2 WHERE id = $1", [loaded.projectId, sampling]);
      if (sampling === "active") {
        const started = Date.now();
        const refreshed = await refreshPriors({ projectId: loaded.projectId });
        priorSeconds = (Date.now() - started) / 1000;
        // the refresh rescored every pair (on a fresh copy): vacuum what it churned before measuring serving, so the
        // phases measure steady-state choosing, not the autovacuum of a bulk refresh (the refresh
        // job itself vacuums unit_priorities; units' updates are HOT and are left to autovacuum in
        // production)
        await pool.query("VACUUM (ANALYZE) units");
        log(`refreshPriors: ${JSON.stringify(refreshed)}`);
      }
      server = await startBenchServer({ env: serverEnvFor(url), port: await freePort(), logFile: path.resolve(`bench/out/active-latency-server-${sampling}.log`), distDir: config.distDir, workers: config.workers });
      log(`server ${server.url} (pid ${server.pid})`);
      const report = await runMode({ sampling, server, pool, projectId: loaded.projectId, tokens: loaded.tokens });
      reports.push(report);
      if (sampling === "active") explain = await explainActiveChoose(pool, loaded.projectId);
      await stopServer();
      await closePool();
    }
    writeReport({ startedAt, data, policy, build, priorSeconds, reports, explain, pg: await postgresVersion(seed.url) });
  } finally {
    clearTimeout(watchdog);
    await stopServer();
    await closePool();
    await seed.stop();
  }
}

async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ v: string }>("SELECT split_part(version(), ' on ', 1) AS v")).rows[0].v;
  } finally {
    await client.end();
  }
}

// One sampling mode against its own server: warm-up, main phase, rising steps.
async function runMode(opts: { sampling: string; server: { url: string; pid: number }; pool: pg.Pool; projectId: string; tokens: string[] }): Promise<TModeReport> {
  const { sampling, server, pool } = opts;
  // how long after the load stops the learner has folded in every queued judgment (up to 60 s)
  const waitForEmptyQueue = async (): Promise<number> => {
    const started = Date.now();
    while (Date.now() - started < 60_000) {
      const { rows } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM learning_queue");
      if (rows[0].n === 0) return Date.now() - started;
      await new Promise((r) => setTimeout(r, 50));
    }
    return -1;
  };
  const listBackendPids = async () => listDatabaseBackends(pool, { excludeSelf: false });

  // Active judgments reach the posteriors through the learning queue (lib/ranking/schedule-learning.ts):
  // how deep it gets and how old its oldest entry, sampled twice a second.
  const watchLearning = () => {
    const seen = { maxDepth: 0, maxAgeMs: 0 };
    const sample = async () => {
      const { rows } = await pool.query<{ n: number; age: number }>("SELECT count(*)::int AS n, COALESCE(extract(epoch FROM now() - min(queued_at)) * 1000, 0)::float8 AS age FROM learning_queue");
      seen.maxDepth = Math.max(seen.maxDepth, rows[0].n);
      seen.maxAgeMs = Math.max(seen.maxAgeMs, Math.round(rows[0].age));
    };
    const timer = setInterval(() => void sample().catch(() => undefined), 500);
    return () => {
      clearInterval(timer);
      return seen;
    };
  };
  // WAL written during a phase, per iteration: the whole cluster's (pg_stat_wal), so only
  // meaningful while the bench is the only load. Full-page images follow every checkpoint.
  const readWal = async () =>
    (await pool.query<{ records: string; fpi: string; bytes: string }>("SELECT wal_records AS records, wal_fpi AS fpi, wal_bytes AS bytes FROM pg_stat_wal")).rows[0];

  const phase = async (label: string, rate: number, seconds: number): Promise<TPhaseReport> => {
    log(`${label}: ${rate}/s for ${seconds} s`);
    const walBefore = await readWal();
    const meter = await startCpuMeter({ serverPid: server.pid, listBackendPids });
    const stopWatching = watchLearning();
    const result = await runOpenLoop({ label, baseUrl: server.url, projectId: opts.projectId, tokens: opts.tokens, rate, seconds });
    const cpu = await meter(result.next.count);
    const learning = stopWatching();
    const walAfter = await readWal();
    const perIteration = (k: "records" | "fpi" | "bytes", digits: number) =>
      Number(((Number(walAfter[k]) - Number(walBefore[k])) / Math.max(1, result.next.count)).toFixed(digits));
    const wal = { recordsPerIteration: perIteration("records", 0), fullPagesPerIteration: perIteration("fpi", 2), bytesPerIteration: perIteration("bytes", 0) };
    const sent = result.next.count;
    const failures = sent - (result.next.statuses["200"] ?? 0) + (result.submit.count - (result.submit.statuses["201"] ?? 0));
    const meetsGoal = result.next.p99 <= config.p99GoalMs && result.submit.p99 <= config.p99GoalMs && result.noIdleAnnotator === 0 && failures <= sent * 0.01;
    for (const e of result.errors.slice(0, 3)) log(`  error: ${e}`);
    log(describeSlowestSeconds(result));
    log(`  next p50 ${result.next.p50.toFixed(1)} p99 ${result.next.p99.toFixed(1)}; submit p99 ${result.submit.p99.toFixed(1)}; cpu ms/iter server ${cpu.serverMsPerIteration} pg ${cpu.postgresMsPerIteration}; learning queue max ${learning.maxDepth} deep, oldest ${learning.maxAgeMs} ms; WAL per iteration ${wal.recordsPerIteration} records, ${wal.fullPagesPerIteration} full pages, ${wal.bytesPerIteration} bytes`);
    return { ...result, cpu, learning, wal, loadAverage: Number(os.loadavg()[0].toFixed(2)), meetsGoal };
  };

  const since = new Date();
  await phase(`${sampling} warm-up`, Math.min(50, config.rate), config.warmupSeconds);
  const main = await phase(`${sampling} main`, config.rate, config.seconds);
  const steps: TPhaseReport[] = [];
  if (!config.isSkippingSteps) {
    for (const rate of config.steps) {
      const step = await phase(`${sampling} step ${rate}`, rate, config.stepSeconds);
      steps.push(step);
      if (!step.meetsGoal) break;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  const drainedMs = await waitForEmptyQueue();
  if (sampling === "active") log(`learning queue empty ${drainedMs} ms after the last phase ended`);
  const passing = steps.filter((s) => s.meetsGoal).map((s) => s.targetRate);
  const { rows } = await pool.query<{ reason: string; n: number }>(
    "SELECT reason, count(*)::int AS n FROM assignments WHERE project_id = $1 AND leased_at >= $2 GROUP BY reason",
    [opts.projectId, since],
  );
  return { sampling, main, steps, saturationRate: passing.length ? Math.max(...passing) : null, reasons: Object.fromEntries(rows.map((r) => [r.reason, r.n])), learningDrainedMs: drainedMs };
}

// The read behind the active choice's shared candidate list (lib/assignment/choose-active-unit.ts).
async function explainActiveChoose(pool: pg.Pool, projectId: string): Promise<string> {
  const { TOP_SHARED_ACTIVE_SQL, SHARED_SCAN } = await import("../lib/assignment/choose-active-unit");
  const { rows } = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${TOP_SHARED_ACTIVE_SQL}`, [projectId, SHARED_SCAN]);
  return rows.map((r) => r["QUERY PLAN"]).join("\n");
}

function writeReport(r: {
  startedAt: Date; data: { units: number; tokens: string[] }; policy: { epsilon: number; reserve_share: number; gold_rate: number };
  build: { built: boolean; seconds: number }; priorSeconds: number; reports: TModeReport[]; explain: string; pg: string;
}) {
  const random = r.reports.find((m) => m.sampling === "random");
  const active = r.reports.find((m) => m.sampling === "active");
  const ratio = random?.saturationRate && active?.saturationRate ? active.saturationRate / random.saturationRate : null;
  // a mode that passed the last step tried has not been saturated: its figure is a lower bound
  const saturation = (m?: TModeReport) =>
    !m?.saturationRate ? "none" : `${m.saturationRate === Math.max(...config.steps) ? "≥ " : ""}${m.saturationRate}/s`;
  const cpuPerIteration = (m?: TModeReport) => (m ? m.main.cpu.serverMsPerIteration + m.main.cpu.postgresMsPerIteration : null);
  const report = {
    date: r.startedAt.toISOString(),
    command: `npx tsx --conditions=react-server bench/active-latency.ts ${argv.join(" ")}`.trim(),
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? "?", node: process.version, postgres: r.pg, loadAtEnd: os.loadavg().map((l) => l.toFixed(2)).join(" ") },
    config, policy: r.policy, units: r.data.units, annotators: r.data.tokens.length, buildSeconds: Math.round(r.build.seconds), refreshPriorsSeconds: r.priorSeconds,
    goal: { rate: config.rate, p99Ms: config.p99GoalMs, isMetActive: active?.main.meetsGoal ?? null, saturationRatioActiveToRandom: ratio, isThroughputWithin20Percent: ratio === null ? null : ratio >= 0.8 },
    cpuMsPerIteration: { random: cpuPerIteration(random), active: cpuPerIteration(active) },
    modes: r.reports,
    explainActiveChoose: r.explain,
  };
  const dir = path.resolve("bench/results");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "active-latency.json"), JSON.stringify(report, null, 2) + "\n");
  const md = [
    "# Active sampling: choosing latency and throughput against random",
    "",
    `- date: ${report.date}; machine: ${report.machine.cores} cores (${report.machine.cpu}), Node ${report.machine.node}, ${report.machine.postgres}; load average at the end ${report.machine.loadAtEnd} (shared machine)`,
    `- command: \`${report.command}\``,
    `- data: ${config.items} items × ${config.responses} responses = ${r.data.units} candidate pairs (overlap 3), ${r.data.tokens.length} annotators; policy gold ${r.policy.gold_rate}, ε ${r.policy.epsilon}, overlap reserve ${r.policy.reserve_share}; refreshPriors over the project: ${r.priorSeconds.toFixed(1)} s`,
    "- load: the assignment-load open loop (`GET /next`, then `POST /judgment`); a rate R is R iterations/s. Each mode ran on its own fresh copy of the seed database (the items, no judgments) with a server of its own.",
    `- goal p99 ≤ ${config.p99GoalMs} ms at ${config.rate}/s with active sampling: **${active ? (active.main.meetsGoal ? "met" : "missed") : "not run"}**; saturation random ${saturation(random)}, active ${saturation(active)} → ratio ${ratio?.toFixed(2) ?? "n/a"} (must be ≥ 0.80)`,
    `- CPU per iteration (server + Postgres, main phase): random ${cpuPerIteration(random)?.toFixed(2) ?? "–"} ms, active ${cpuPerIteration(active)?.toFixed(2) ?? "–"} ms`,
    "",
    formatTable(r.reports.flatMap((m) => [m.main, ...m.steps])),
    "",
    ...r.reports.map((m) => `- ${m.sampling}: assignment reasons ${JSON.stringify(m.reasons)}`),
    ...r.reports.filter((m) => m.sampling === "active").map((m) =>
      `- active learning lag: queued judgments reach the posteriors through the learner; deepest queue and oldest entry per phase: ${[m.main, ...m.steps].map((p) => `${p.label.replace(/^active /, "")} ${p.learning?.maxDepth ?? "?"} / ${p.learning?.maxAgeMs ?? "?"} ms`).join(", ")}; empty ${m.learningDrainedMs} ms after the load stopped`),
    "",
    "## EXPLAIN ANALYZE of the shared candidate list's read (after the run)",
    "",
    "```",
    r.explain,
    "```",
    "",
  ];
  fs.writeFileSync(path.join(dir, "active-latency.md"), md.join("\n"));
  log("wrote bench/results/active-latency.{json,md}");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
