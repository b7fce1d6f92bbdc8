// Benchmark of the agreement report on one project with a million judgments: SQL load + compute,
// cold (cache cleared) and warm (cached), plus the JSON body and a bootstrap run. A script,
// not a test:
//   npx tsx --conditions=react-server bench/agreement-report.ts [--judgments 1000000] [--raters 200]
//     [--db cj_agree_bench] [--reuse-data] [--cold-runs 5] [--warm-runs 20] [--cpu-profile cold.cpuprofile]
// Uses DATABASE_URL's server (only the database named --db is dropped and recreated) or, without
// it, an embedded cluster. Writes bench/results/agreement.{json,md}.
import { listDatabaseBackends } from "./lib/cpu-meter";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openBenchDatabase } from "./lib/bench-database";
import { startCpuProfile } from "./lib/cpu-profile";
import { createParallelWorkerMeter } from "./lib/parallel-worker-cpu";

const argv = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const config = {
  judgments: Number(arg("judgments", "1000000")),
  raters: Number(arg("raters", "200")),
  database: arg("db", "cj_agree_bench"),
  isReusingData: argv.includes("--reuse-data"),
  coldRuns: Number(arg("cold-runs", "5")),
  warmRuns: Number(arg("warm-runs", "20")),
  // a V8 CPU profile of the cold runs (this process only: Postgres is apart), and its top functions
  cpuProfile: arg("cpu-profile", ""),
  goalMs: 2000,
};
const PROJECT_NAME = "agreement-report bench";
const log = (s: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}`);

// Three responses per item give three pairs; each pair gets three judgments by three different
// raters (rater (7·pair + 67·k) mod R, k = 0..2). Humans prefer the response with the higher latent
// quality (responses.mu), with noise; ten raters lean to the left slot; 3 % both-bad; 1 % of items
// are gold; the reward model sees the latent quality through noise. Slot orders are random.
const GENERATE_SQL = `
  INSERT INTO items (id, project_id, external_id, prompt, language, gold)
  SELECT 'bi' || g, $1, 'item-' || g, 'Task ' || g || ': write the function.', 'python',
         CASE WHEN g % 100 = 0 THEN '{"preference": -2, "responses": ["r0", "r1"]}'::jsonb END
    FROM generate_series(1, $2::int) g;
  INSERT INTO responses (id, item_id, project_id, external_id, position, model, content, mu, scores)
  SELECT 'br' || g || '-' || r, 'bi' || g, $1, 'r' || r, r, 'model-' || r,
         repeat(E'    total += value * index  # step\\n', 5 + (g * 7 + r * 13) % 60), q,
         jsonb_build_object('reward_model', q + (random() - 0.5), 'length_prior', (g * 7 + r * 13) % 60)
    FROM generate_series(1, $2::int) g, generate_series(0, 2) r, LATERAL (SELECT (random() + random() + random() - 1.5) * 2 + r * 0.3 + g * 0 AS q) lat;
  INSERT INTO units (id, project_id, item_id, response_a_id, response_b_id, is_gold, target, judgment_count, open)
  SELECT 'bu' || g || '-' || p.a || p.b, $1, 'bi' || g, 'br' || g || '-' || p.a, 'br' || g || '-' || p.b,
         g % 100 = 0 AND p.a = 0 AND p.b = 1, 3, 3, false
    FROM generate_series(1, $2::int) g, (VALUES (0, 1), (0, 2), (1, 2)) p(a, b);
  CREATE TEMP TABLE plan AS
  WITH slots AS (
    SELECT ((g - 1) * 3 + p.n) * 3 + k AS n, g, p.a, p.b, k, (g * 3 + p.n) * 7 + k * 67 AS rater_seed, random() < 0.5 AS flipped
      FROM generate_series(1, $2::int) g, (VALUES (0, 0, 1), (1, 0, 2), (2, 1, 2)) p(n, a, b), generate_series(0, 2) k
  ), valued AS (
    SELECT s.*, ($3::text[])[1 + s.rater_seed % $4::int] AS user_id, s.rater_seed % $4::int < 10 AS leans_left,
           greatest(-3, least(3, round((rb.mu - ra.mu) * 1.2 + (random() - 0.5) * 3)))::int AS honest,
           random() < 0.03 AS both_bad, random() AS r1, random() AS r2, ra.id AS ra_id, rb.id AS rb_id, u.is_gold
      FROM slots s
      JOIN responses ra ON ra.id = 'br' || s.g || '-' || s.a
      JOIN responses rb ON rb.id = 'br' || s.g || '-' || s.b
      JOIN units u ON u.id = 'bu' || s.g || '-' || s.a || s.b
     WHERE s.n < $5::int
  ), shown AS (
    SELECT v.*, CASE WHEN v.leans_left AND v.r1 < 0.3 THEN -greatest(1, abs(v.honest))
                     WHEN v.flipped THEN -v.honest ELSE v.honest END AS display
      FROM valued v
  )
  SELECT n, 'bj' || n AS id, 'ba' || n AS assignment_id, 'bu' || g || '-' || a || b AS unit_id, user_id, is_gold,
         CASE WHEN flipped THEN jsonb_build_array(rb_id, ra_id) ELSE jsonb_build_array(ra_id, rb_id) END AS slot_order,
         CASE WHEN flipped THEN rb_id ELSE ra_id END AS left_id,
         display, CASE WHEN flipped THEN -display ELSE display END AS canonical, both_bad,
         greatest(-3, least(3, (CASE WHEN flipped THEN -display ELSE display END) + round((r2 - 0.5) * 2)))::int AS readability,
         round((20 + 600 * r2 * r2)::numeric, 1)::float8 AS seconds,
         now() - (n % 60) * interval '1 day' - r1 * interval '8 hours' AS created_at
    FROM shown;
  INSERT INTO assignments (id, project_id, unit_id, user_id, status, slot_order, expires_at, completed_at, is_gold, reason)
  SELECT assignment_id, $1, unit_id, user_id, 'SUBMITTED', slot_order, created_at, created_at, is_gold, 'random' FROM plan;
  INSERT INTO judgments (id, assignment_id, project_id, unit_id, user_id, rubric_id, rubric_version, idempotency_key, preference,
                         canonical_pref, both_bad, aspects, canonical_aspects, active_seconds, left_slot_response_id, created_at)
  SELECT id, assignment_id, $1, unit_id, user_id, $6, 1, 'bench-' || n,
         CASE WHEN both_bad THEN NULL ELSE display END, CASE WHEN both_bad THEN NULL ELSE canonical END, both_bad,
         CASE WHEN both_bad THEN '{}'::jsonb ELSE jsonb_build_object('correctness', display, 'readability', CASE WHEN n % 5 = 0 THEN NULL ELSE CASE WHEN display = canonical THEN readability ELSE -readability END END) END,
         CASE WHEN both_bad THEN '{}'::jsonb ELSE jsonb_build_object('correctness', canonical, 'readability', CASE WHEN n % 5 = 0 THEN NULL ELSE readability END) END,
         seconds, left_id, created_at
    FROM plan;
  INSERT INTO assignments (id, project_id, unit_id, user_id, status, slot_order, expires_at, completed_at, skip_reason)
  SELECT 'bs' || n, $1, unit_id, ($3::text[])[1 + ((n / 3 + 3) * 7 + 3 * 67) % $4::int], 'SKIPPED', slot_order, created_at, created_at, 'bench'
    FROM plan WHERE n % 3 = 0 AND n % 50 = 0;
  DROP TABLE plan;`;

async function loadData(): Promise<{ projectId: string; adminId: string; setupSeconds: number; units: number }> {
  const started = performance.now();
  const { getPool } = await import("../lib/db/client");
  const { createProject } = await import("../lib/projects/create-project");
  const pool = getPool();
  const existing = await pool.query<{ id: string; created_by_id: string }>("SELECT id, created_by_id FROM projects WHERE name = $1", [PROJECT_NAME]);
  if (existing.rows[0] && config.isReusingData) {
    const units = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM units WHERE project_id = $1", [existing.rows[0].id]);
    return { projectId: existing.rows[0].id, adminId: existing.rows[0].created_by_id, setupSeconds: 0, units: units.rows[0].n };
  }
  const adminId = "bench-admin";
  await pool.query("INSERT INTO users (id, email, role) VALUES ($1, 'bench-admin@bench.example', 'ADMIN')", [adminId]);
  const aspect = (key: string, required: boolean) => ({ key, label: key, description: "", scale: "pairwise7" as const, required });
  const project = await createProject({
    actorId: adminId,
    input: { name: PROJECT_NAME, mode: "pairwise", overlap: 3, sampling: "random", instructions: "", rubric: { aspects: [aspect("correctness", true), aspect("readability", false)], rationale: "optional" } },
  });
  const raterIds = Array.from({ length: config.raters }, (_, i) => `bench-rater-${String(i).padStart(4, "0")}`);
  await pool.query("INSERT INTO users (id, email, role) SELECT id, id || '@bench.example', 'ANNOTATOR' FROM unnest($1::text[]) id", [raterIds]);
  await pool.query("INSERT INTO project_members (project_id, user_id) SELECT $1, unnest($2::text[])", [project.id, raterIds]);
  const rubric = await pool.query<{ id: string }>("SELECT id FROM rubrics WHERE project_id = $1", [project.id]);
  const items = Math.ceil(config.judgments / 9);
  log(`generating ${items} items, ${items * 3} units, ${config.judgments} judgments in SQL`);
  const client = await pool.connect();
  try {
    await client.query("SELECT setseed(0.42)");
    // the generated rows are consistent by construction: skip the per-row foreign-key triggers
    await client.query("SET session_replication_role = replica");
    // one statement per round trip: a multi-statement string cannot take parameters
    for (const statement of GENERATE_SQL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
      // each statement gets only the parameters it names, renumbered from $1 (Postgres rejects unused ones)
      const all = [project.id, items, raterIds, config.raters, config.judgments, rubric.rows[0].id];
      const used = [...new Set([...statement.matchAll(/\$(\d)/g)].map((m) => Number(m[1])))].sort();
      const text = statement.replace(/\$(\d)/g, (_, d: string) => `$${used.indexOf(Number(d)) + 1}`);
      const t = performance.now();
      await client.query(text, used.map((d) => all[d - 1]));
      log(`  ${statement.slice(0, 40).replace(/\s+/g, " ")}… ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    await client.query("RESET session_replication_role");
    await client.query("VACUUM ANALYZE items, responses, units, assignments, judgments");
  } finally {
    client.release();
  }
  return { projectId: project.id, adminId, setupSeconds: (performance.now() - started) / 1000, units: items * 3 };
}

type TRun = { wallMs: number; nodeCpuMs: number; postgresCpuMs: number };

function processCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

let workerMeter: ReturnType<typeof createParallelWorkerMeter> | null = null;

async function measure(run: () => Promise<unknown>, listBackendPids: () => Promise<number[]>): Promise<TRun> {
  const before = new Map((await listBackendPids()).map((pid) => [pid, processCpuMs(pid)]));
  workerMeter ??= createParallelWorkerMeter({ postmasterPid: postmasterOf([...before.keys()][0]), database: config.database });
  await workerMeter.start();
  const cpu = process.cpuUsage();
  const started = performance.now();
  await run();
  const wallMs = performance.now() - started;
  const own = process.cpuUsage(cpu);
  let postgresCpuMs = await workerMeter.stop();
  for (const pid of new Set([...before.keys(), ...(await listBackendPids())])) postgresCpuMs += processCpuMs(pid) - (before.get(pid) ?? 0);
  return { wallMs, nodeCpuMs: (own.user + own.system) / 1000, postgresCpuMs };
}

function postmasterOf(backendPid: number): number {
  const stat = fs.readFileSync(`/proc/${backendPid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const summarize = (runs: TRun[]) => ({
  runs: runs.length,
  wallMs: { median: Math.round(median(runs.map((r) => r.wallMs))), min: Math.round(Math.min(...runs.map((r) => r.wallMs))), max: Math.round(Math.max(...runs.map((r) => r.wallMs))) },
  nodeCpuMs: Math.round(median(runs.map((r) => r.nodeCpuMs))),
  postgresCpuMs: Math.round(median(runs.map((r) => r.postgresCpuMs))),
});

async function main() {
  const startedAt = new Date();
  const db = await openBenchDatabase({ name: config.database, reuse: config.isReusingData });
  process.env.DATABASE_URL = db.url;
  const data = await loadData();
  const { getPool } = await import("../lib/db/client");
  const { getAgreementReport } = await import("../lib/quality/get-agreement-report");
  const { qualityCache } = await import("../lib/quality/get-quality-snapshot");
  const { loadAgreementJudgments } = await import("../lib/quality/load-agreement-judgments");
  const { loadJudgmentColumns } = await import("../lib/quality/load-judgment-columns");
  const { buildAgreementReport, buildAgreementReportFromColumns } = await import("../lib/agreement");
  const pool = getPool();
  const listBackendPids = async () =>
    listDatabaseBackends(pool, { excludeSelf: false });
  const caller = { id: data.adminId, email: "bench-admin@bench.example", name: null, role: "ADMIN" as const, via: "token" as const };
  const counts = (await pool.query<{ judgments: number; skips: number }>(
    "SELECT (SELECT count(*)::int FROM judgments WHERE project_id = $1) AS judgments, (SELECT count(*)::int FROM assignments WHERE project_id = $1 AND status = 'SKIPPED') AS skips",
    [data.projectId],
  )).rows[0];
  log(`project ${data.projectId}: ${counts.judgments} judgments, ${data.units} units, ${counts.skips} skips`);

  const report = () => getAgreementReport({ caller, projectId: data.projectId, query: {} });
  log("warm-up (JIT, connections, Postgres buffers)");
  qualityCache.clear();
  const first = await report();

  const cold: TRun[] = [];
  const stopProfile = config.cpuProfile ? await startCpuProfile({ file: config.cpuProfile }) : null;
  for (let i = 0; i < config.coldRuns; i++) {
    qualityCache.clear();
    cold.push(await measure(report, listBackendPids));
    log(`  cold ${i + 1}: ${cold[i].wallMs.toFixed(0)} ms (node CPU ${cold[i].nodeCpuMs.toFixed(0)} ms, postgres CPU ${cold[i].postgresCpuMs} ms)`);
  }
  if (stopProfile) log(`CPU profile of the cold runs → ${config.cpuProfile}\n${await stopProfile()}`);
  const warm: TRun[] = [];
  for (let i = 0; i < config.warmRuns; i++) warm.push(await measure(report, listBackendPids));

  // the two halves of a cold run, measured apart: the packed load (two connections, one
  // snapshot, stored records aggregated off an index, decode into columns) and the statistics on the columns
  const aspectKeys = Object.keys(first.aspects);
  const aspectScales = Object.fromEntries(aspectKeys.map((k) => [k, "pairwise7" as const]));
  const filter = { from: null, before: null, rubricVersion: null };
  let loaded: Awaited<ReturnType<typeof loadJudgmentColumns>> = null;
  const load: TRun[] = [];
  const compute: TRun[] = [];
  for (let i = 0; i < 3; i++) {
    load.push(await measure(async () => (loaded = await loadJudgmentColumns({ projectId: data.projectId, mode: "pairwise", aspectScales, filter })), listBackendPids));
    if (!loaded) throw new Error("the bench data should load as packed columns");
    const { columns } = loaded;
    compute.push(await measure(async () => buildAgreementReportFromColumns({ columns, aspectScales }), listBackendPids));
    loaded = null;
  }
  // the path the report took before the packed columns (and still takes for values the API does
  // not write): a driver row and an object per judgment, then the same statistics
  const reference = [await measure(async () => buildAgreementReport({ judgments: await loadAgreementJudgments({ projectId: data.projectId, mode: "pairwise", aspectScales, filter }), aspectScales }), listBackendPids)];

  // what the route handler adds on top: the JSON body (the route module itself needs Next's runtime)
  const asJson = async (query: Record<string, string>) => JSON.stringify(await getAgreementReport({ caller, projectId: data.projectId, query }));
  qualityCache.clear();
  const routeCold = await measure(() => asJson({}), listBackendPids);
  const routeWarm: TRun[] = [];
  for (let i = 0; i < 5; i++) routeWarm.push(await measure(() => asJson({}), listBackendPids));
  const bootstrapCold = await measure(() => asJson({ bootstrap: "1" }), listBackendPids);
  const bytes = (await asJson({})).length;

  // the dashboard's other panel: models against humans (per-pair votes aggregated in SQL)
  const { compareModelsToHumans } = await import("../lib/quality/compare-models-to-humans");
  const models = () => compareModelsToHumans({ caller, projectId: data.projectId, query: {} });
  const modelsCold: TRun[] = [];
  for (let i = 0; i < 3; i++) {
    qualityCache.clear();
    modelsCold.push(await measure(models, listBackendPids));
  }
  const modelsWarm: TRun[] = [];
  for (let i = 0; i < 5; i++) modelsWarm.push(await measure(models, listBackendPids));

  const summary = { cold: summarize(cold), warm: summarize(warm), sqlLoad: summarize(load), compute: summarize(compute), reference: summarize(reference), routeCold: summarize([routeCold]), routeWarm: summarize(routeWarm), routeBootstrapCold: summarize([bootstrapCold]), modelsCold: summarize(modelsCold), modelsWarm: summarize(modelsWarm) };
  const results = {
    date: startedAt.toISOString(),
    command: `npx tsx --conditions=react-server bench/agreement-report.ts ${argv.join(" ")}`.trim(),
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? "", memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, load: os.loadavg().map((l) => l.toFixed(2)).join(" ") },
    data: { judgments: counts.judgments, units: data.units, raters: config.raters, skips: counts.skips, setupSeconds: Math.round(data.setupSeconds), reusedData: data.setupSeconds === 0, responseBytes: bytes },
    goalMs: config.goalMs,
    isGoalMet: summary.cold.wallMs.median <= config.goalMs,
    summary,
    headline: { overall: first.overall, raters: first.raters.length },
  };
  fs.mkdirSync(path.resolve("bench/results"), { recursive: true });
  fs.writeFileSync(path.resolve("bench/results/agreement.json"), JSON.stringify(results, null, 2) + "\n");
  fs.writeFileSync(path.resolve("bench/results/agreement.md"), formatMarkdown(results));
  log(`cold median ${summary.cold.wallMs.median} ms, warm median ${summary.warm.wallMs.median} ms → bench/results/agreement.md`);
  await workerMeter?.close();
  await pool.end();
  await db.stop();
}

function formatMarkdown(r: { date: string; command: string; machine: Record<string, unknown>; data: Record<string, unknown>; goalMs: number; isGoalMet: boolean; summary: Record<string, ReturnType<typeof summarize>> }): string {
  const labels: Record<string, string> = {
    cold: "report, cold (cache cleared): fingerprint + SQL load + compute + identities",
    warm: "report, warm (cached): fingerprint + identities",
    sqlLoad: "  of which: packed SQL load (stored records off an index + unit facts, one snapshot) and decode into columns",
    compute: "  of which: buildAgreementReportFromColumns (pure compute)",
    reference: "load as judgment objects + buildAgreementReport (the fallback path, for comparison)",
    routeCold: "report as the route's JSON body, cold",
    routeWarm: "report as the route's JSON body, warm",
    routeBootstrapCold: "report with bootstrap=1 (1000 seeded resamples) as JSON, cold",
    modelsCold: "models against humans (GET /quality/models), cold",
    modelsWarm: "models against humans, warm",
  };
  const rows = Object.entries(r.summary).map(([key, s]) => `| ${labels[key]} | ${s.runs} | ${s.wallMs.median} | ${s.wallMs.min} – ${s.wallMs.max} | ${s.nodeCpuMs} | ${s.postgresCpuMs} |`);
  return [
    "# Agreement report benchmark",
    "",
    `- date: ${r.date}`,
    `- command: \`${r.command}\` (with DATABASE_URL pointing at the shared Postgres server)`,
    `- machine: ${JSON.stringify(r.machine)}`,
    `- data: ${JSON.stringify(r.data)}`,
    `- goal: cold report ≤ ${r.goalMs} ms → **${r.isGoalMet ? "met" : "missed"}** (median of the cold runs)`,
    "",
    "Times in ms. CPU is the median per run: node = this process (user + system), postgres = the backends serving the bench database and their parallel workers (read from /proc; workers are sampled every 10 ms while they live, so a worker's last 10 ms may be missed). The machine is shared with other builds, so wall times vary; CPU time is the steadier figure.",
    "",
    "| what | runs | wall median | wall min – max | node CPU | postgres CPU |",
    "|---|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
