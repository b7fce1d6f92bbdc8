// 50 annotators run `next` + `submit` in a closed loop for 60 s against a production server it
// starts itself, then against TWO production servers (one worker each) sharing the database (requests
// alternate); afterwards every acknowledged judgment must be in the database exactly once.
//   npx tsx --conditions=react-server bench/load-annotators.ts [--annotators 50] [--seconds 60]
//     [--items 20000] [--db cj_load] [--dist-dir .next-load]
// Uses DATABASE_URL's server (database --db is dropped and recreated) or an embedded cluster.
// Loopback only; stops itself after --time-limit-minutes (15). Writes bench/results/load-annotators.{json,md}.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openBenchDatabase } from "./lib/bench-database";
import { freePort } from "../lib/db/embedded";
import { checkLedger, closeAgent, ensureDistBuild, runAnnotators, startAppServer, type TAppServer } from "./faults-harness";

const argv = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const config = {
  annotators: Number(arg("annotators", "50")),
  seconds: Number(arg("seconds", "60")),
  items: Number(arg("items", "20000")),
  database: arg("db", "cj_load"),
  distDir: arg("dist-dir", ".next-load"),
};
const log = (s: string) => console.log(`[load ${new Date().toISOString().slice(11, 19)}] ${s}`);
const watchdog = setTimeout(() => {
  console.error("load: time limit reached");
  process.exit(2);
}, Number(arg("time-limit-minutes", "15")) * 60_000);

async function main() {
  const db = await openBenchDatabase({ name: config.database, reuse: false });
  process.env.DATABASE_URL = db.url;
  const { loadBenchData } = await import("./lib/load-bench-data");
  const { getPool } = await import("../lib/db/client");
  const query = async <T,>(sql: string, params: unknown[]) => (await getPool().query(sql, params)).rows as T[];
  const env = { ...process.env, DATABASE_URL: db.url, NEXTAUTH_SECRET: "bench-secret-not-for-production-0123456789", NEXTAUTH_URL: "http://127.0.0.1", NEXT_TELEMETRY_DISABLED: "1", TOKEN_RATE_LIMIT_PER_MIN: "0" };
  ensureDistBuild(config.distDir, env, log);
  const servers: TAppServer[] = [];
  const phases = [];
  try {
    for (const count of [1, 2]) {
      // a fresh project and fresh annotators per phase, so each ledger stands alone
      const data = await loadBenchData({ isFresh: true, items: config.items, responses: 2, annotators: config.annotators, log });
      while (servers.length < count) {
        servers.push(await startAppServer({ env, distDir: config.distDir, port: await freePort(), logFile: path.resolve(`bench/out/load-annotators-${servers.length}.log`) }));
      }
      log(`${count} server(s): ${config.annotators} annotators for ${config.seconds} s`);
      const run = await runAnnotators({ servers: servers.map((s) => s.url), projectId: data.projectId, tokens: data.tokens, seconds: config.seconds });
      const ledger = await checkLedger({ query, projectId: data.projectId, userIds: data.userIds, acknowledged: run.acknowledged });
      log(`judgments ${run.created} (${(run.created / config.seconds).toFixed(1)}/s), errors ${run.errors}; next p50 ${run.next.p50} p99 ${run.next.p99} ms; submit p50 ${run.submit.p50} p99 ${run.submit.p99} ms; ledger ${JSON.stringify(ledger)}`);
      const { timeline: _t, acknowledged: _a, servers: _s, ...summary } = run;
      phases.push({ servers: count, ...summary, judgmentsPerSecond: Number((run.created / config.seconds).toFixed(1)), ledger });
    }
  } finally {
    for (const s of servers) await s.stop();
    closeAgent();
  }
  const pg = (await getPool().query<{ v: string }>("SELECT split_part(version(), ' on ', 1) AS v")).rows[0].v;
  await getPool().end();
  await db.stop();
  const report = {
    date: new Date().toISOString(),
    command: `npx tsx --conditions=react-server bench/load-annotators.ts ${argv.join(" ")}`.trim(),
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? "?", node: process.version, postgres: pg, load: os.loadavg().map((l) => l.toFixed(2)).join(" ") },
    config,
    phases,
  };
  fs.mkdirSync("bench/results", { recursive: true });
  fs.writeFileSync("bench/results/load-annotators.json", JSON.stringify(report, null, 2) + "\n");
  const rows = phases.map((p) => `| ${p.servers} | ${p.created} | ${p.judgmentsPerSecond} | ${p.errors} | ${p.next.p50} / ${p.next.p99} | ${p.submit.p50} / ${p.submit.p99} | ${p.ledger.missing} | ${p.ledger.duplicateUnitUser + p.ledger.duplicateIdempotencyKeys + p.ledger.unacknowledgedStored} | ${p.ledger.isClean ? "yes" : "NO"} |`);
  const md = [
    "# Load: 50 annotators, closed loop (next + submit)",
    "",
    `${report.date}, \`${report.command}\`; ${report.machine.cores} cores (${report.machine.cpu}), ${report.machine.node}, ${pg}. Client, servers and Postgres share the machine (loopback).`,
    "",
    "| app processes | judgments | per s | errors | next p50 / p99 ms | submit p50 / p99 ms | lost | duplicated | ledger clean |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
    "Lost = acknowledged judgment ids missing from the database; duplicated = a (unit, annotator) or idempotencyKey stored twice, or a row no client was told about.",
    "",
  ].join("\n");
  fs.writeFileSync("bench/results/load-annotators.md", md);
  console.log(md);
  if (phases.some((p) => !p.ledger.isClean || p.errors > 0)) process.exitCode = 1;
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => clearTimeout(watchdog));
