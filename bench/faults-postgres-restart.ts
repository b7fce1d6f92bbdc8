// Fault: Postgres stops and starts again while 20 annotators judge. Clients must see retryable
// failures only (503 with Retry-After, or a refused connection), recover once Postgres is back,
// and the database must hold every acknowledged judgment exactly once: retried submits reuse
// their idempotencyKey and come back as 200 with the same id.
//   npx tsx --conditions=react-server bench/faults-postgres-restart.ts [--seconds 50] [--down-at 15] [--down-for 6]
//     [--dist-dir .next-load]
// Runs its own embedded cluster in .data/pg-faults (never DATABASE_URL's server, which others share).
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { freePort, startEmbeddedPostgres, type EmbeddedDb } from "../lib/db/embedded";
import { applyMigrations } from "../scripts/migrate";
import { checkLedger, closeAgent, ensureDistBuild, runAnnotators, startAppServer } from "./faults-harness";

const argv = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const config = { seconds: Number(arg("seconds", "50")), downAt: Number(arg("down-at", "15")), downFor: Number(arg("down-for", "6")), annotators: 20, distDir: arg("dist-dir", ".next-load") };
const log = (s: string) => console.log(`[faults ${new Date().toISOString().slice(11, 19)}] ${s}`);
const watchdog = setTimeout(() => process.exit(2), 10 * 60_000);
const DIR = path.resolve(".data", "pg-faults");

async function main() {
  const port = await freePort();
  let cluster: EmbeddedDb = await startEmbeddedPostgres({ dir: DIR, port, database: "postgres" });
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS "cj_faults" WITH (FORCE)');
  await admin.query('CREATE DATABASE "cj_faults"');
  await admin.end();
  const url = new URL(cluster.url);
  url.pathname = "/cj_faults";
  applyMigrations(url.toString());
  process.env.DATABASE_URL = url.toString();
  const { loadBenchData } = await import("./lib/load-bench-data");
  const { getPool } = await import("../lib/db/client");
  const data = await loadBenchData({ isFresh: true, items: 5000, responses: 2, annotators: config.annotators, log });
  await getPool().end();
  const env = { ...process.env, DATABASE_URL: url.toString(), NEXTAUTH_SECRET: "bench-secret-not-for-production-0123456789", NEXTAUTH_URL: "http://127.0.0.1", NEXT_TELEMETRY_DISABLED: "1", TOKEN_RATE_LIMIT_PER_MIN: "0" };
  ensureDistBuild(config.distDir, env, log);
  const server = await startAppServer({ env, distDir: config.distDir, port: await freePort(), logFile: path.resolve("bench/out/faults-postgres-restart.log") });
  const events: Array<{ at: number; event: string }> = [];
  const t0 = Date.now();
  const mark = (event: string) => {
    events.push({ at: Number(((Date.now() - t0) / 1000).toFixed(1)), event });
    log(event);
  };
  const fault = (async () => {
    await new Promise((r) => setTimeout(r, config.downAt * 1000));
    mark("stopping Postgres");
    await cluster.stop();
    mark("Postgres stopped");
    await new Promise((r) => setTimeout(r, config.downFor * 1000));
    cluster = await startEmbeddedPostgres({ dir: DIR, port, database: "postgres" });
    mark("Postgres started");
  })();
  let run;
  try {
    run = await runAnnotators({ servers: [server.url], projectId: data.projectId, tokens: data.tokens, seconds: config.seconds });
    await fault;
  } finally {
    await server.stop();
    closeAgent();
  }
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const query = async <T,>(sql: string, params: unknown[]) => (await client.query(sql, params)).rows as T[];
  const ledger = await checkLedger({ query, projectId: data.projectId, userIds: data.userIds, acknowledged: run.acknowledged });
  await client.end();
  await cluster.stop();
  const restartedAt = events.find((e) => e.event === "Postgres started")?.at ?? 0;
  const okAfter = run.timeline.filter((b) => b.second > restartedAt + 5).reduce((n, b) => n + b.ok, 0);
  const { acknowledged: _a, ...summary } = run;
  const report = { date: new Date().toISOString(), command: `npx tsx --conditions=react-server bench/faults-postgres-restart.ts ${argv.join(" ")}`.trim(), config, events, run: summary, ledger, recoveredRequestsAfterRestart: okAfter };
  fs.mkdirSync("bench/results", { recursive: true });
  fs.writeFileSync("bench/results/faults-postgres-restart.json", JSON.stringify(report, null, 2) + "\n");
  const isPass = ledger.isClean && run.unexpected.length === 0 && run.badRetryAfter === 0 && okAfter > 0;
  log(`statuses next ${JSON.stringify(run.next.statuses)} submit ${JSON.stringify(run.submit.statuses)}; retries ${run.retries}, replayed ${run.replayed}; ok after restart ${okAfter}`);
  log(`ledger ${JSON.stringify(ledger)}; unexpected ${JSON.stringify(run.unexpected.slice(0, 5))}; ${isPass ? "PASS" : "FAIL"}`);
  if (!isPass) process.exitCode = 1;
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => clearTimeout(watchdog));
