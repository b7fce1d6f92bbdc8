// Load benchmark of the assignment hot path: `GET /next` and `POST /judgment` against a production
// build, open loop, on a database of its own. A script, not a test:
//   npx tsx --conditions=react-server bench/assignment-load.ts [--rate 200] [--seconds 60]
//     [--steps 50,100,150,200,300,400,600,800] [--step-seconds 20] [--items 100000] [--responses 4]
//     [--annotators 1000] [--db cj_bench] [--reuse-data] [--rebuild] [--skip-steps] [--cpu-prof] [--workers N]
// Uses DATABASE_URL's server (a database named --db is dropped and recreated) or, without it, an
// embedded cluster. Stops by itself and stops its server; writes bench/results/assignment-load.{json,md}.
import os from "node:os";
import path from "node:path";
import { closeConnections } from "./lib/http-client";
import { openBenchDatabase } from "./lib/bench-database";
import { ensureBuild, readWorkers, startBenchServer, type TBenchServer } from "./lib/bench-server";
import { startCpuMeter, listDatabaseBackends } from "./lib/cpu-meter";
import { describeSlowestSeconds, runOpenLoop, runSerial, type TPhaseResult } from "./lib/open-loop";
import { formatTable, writeResults, type TPhaseReport } from "./lib/write-results";
import { freePort } from "../lib/db/embedded";
import { readArgs } from "./lib/cli-args";

const { argv, arg, flag } = readArgs();
const config = {
  rate: Number(arg("rate", "200")),
  seconds: Number(arg("seconds", "60")),
  warmupSeconds: Number(arg("warmup-seconds", "15")),
  steps: arg("steps", "50,100,150,200,300,400,600,800").split(",").map(Number),
  stepSeconds: Number(arg("step-seconds", "20")),
  items: Number(arg("items", "100000")),
  responses: Number(arg("responses", "4")),
  annotators: Number(arg("annotators", "1000")),
  workers: readWorkers(arg),
  database: arg("db", "cj_bench"),
  p99GoalMs: Number(arg("p99-ms", "50")),
  dbPoolSize: Number(arg("db-pool", process.env.DB_POOL_SIZE ?? "10")),
  isReusingData: flag("reuse-data"),
  isSkippingSteps: flag("skip-steps"),
  serialIterations: Number(arg("serial-iterations", "300")),
};
const log = (s: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}`);
const HARD_LIMIT_MS = Number(arg("time-limit-minutes", "40")) * 60_000;

async function main() {
  const startedAt = new Date();
  const loadAtStart = os.loadavg().map((l) => l.toFixed(2)).join(" ");
  const db = await openBenchDatabase({ name: config.database, reuse: config.isReusingData });
  // lib modules read DATABASE_URL when they first touch the pool, so it is set before importing them
  process.env.DATABASE_URL = db.url;
  const { loadBenchData } = await import("./lib/load-bench-data");
  const { verifyJudgments } = await import("./lib/verify-judgments");
  const { explainChoose } = await import("./lib/explain-choose");
  const { countRoundTrips } = await import("./lib/count-round-trips");
  const { getPool } = await import("../lib/db/client");
  log(`database ${config.database} (${db.isFresh ? "fresh" : "reused"})`);
  const data = await loadBenchData({ isFresh: db.isFresh, items: config.items, responses: config.responses, annotators: config.annotators, log });
  log(`project ${data.projectId}: ${data.units} units, ${data.tokens.length} annotators (${data.loadSeconds.toFixed(0)} s)`);

  const serverEnv = {
    ...process.env,
    DATABASE_URL: db.url,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-secret-not-for-production-0123456789",
    NEXTAUTH_URL: "http://127.0.0.1",
    NEXT_TELEMETRY_DISABLED: "1",
    TOKEN_RATE_LIMIT_PER_MIN: "0",
    DB_POOL_SIZE: String(config.dbPoolSize),
  };
  const build = ensureBuild({ env: serverEnv, force: flag("rebuild"), log });
  const server: TBenchServer = await startBenchServer({ env: serverEnv, port: await freePort(), logFile: path.resolve("bench/out/assignment-load-server.log"),
    cpuProfileDir: flag("cpu-prof") ? path.resolve("bench/out/prof") : undefined, workers: config.workers,
  });
  log(`server ${server.url} (pid ${server.pid})`);
  const stopAll = async () => {
    await server.stop();
    closeConnections();
  };
  const abort = (why: string) => {
    console.error(`bench: ${why}, stopping the server`);
    void stopAll().finally(() => process.exit(2));
  };
  const watchdog = setTimeout(() => abort("time limit reached"), HARD_LIMIT_MS);
  process.once("SIGINT", () => abort("interrupted"));
  process.once("SIGTERM", () => abort("terminated"));

  const listBackendPids = async () =>
    listDatabaseBackends(getPool(), { excludeSelf: false });
  let successfulSubmits = 0;
  const measure = async (label: string, run: () => Promise<TPhaseResult>): Promise<TPhaseReport> => {
    log(label);
    const meter = await startCpuMeter({ serverPid: server.pid, listBackendPids });
    const result = await run();
    const cpu = await meter(result.next.count);
    successfulSubmits += result.submit.statuses["201"] ?? 0;
    const sent = result.next.count;
    const failures = sent - (result.next.statuses["200"] ?? 0) + (result.submit.count - (result.submit.statuses["201"] ?? 0));
    const meetsGoal = result.next.p99 <= config.p99GoalMs && result.submit.p99 <= config.p99GoalMs && result.noIdleAnnotator === 0 && failures <= sent * 0.01;
    for (const e of result.errors.slice(0, 3)) log(`  error: ${e}`);
    log(describeSlowestSeconds(result));
    return { ...result, cpu, loadAverage: Number(os.loadavg()[0].toFixed(2)), meetsGoal };
  };
  const phase = (label: string, rate: number, seconds: number) =>
    measure(`${label}: ${rate}/s for ${seconds} s`, () => runOpenLoop({ label, baseUrl: server.url, projectId: data.projectId, tokens: data.tokens, rate, seconds }));

  try {
    await phase("warm-up", Math.min(50, config.rate), config.warmupSeconds);
    const serial = await measure("serial: one annotator, one request at a time", () =>
      runSerial({ label: "serial (1 in flight)", baseUrl: server.url, projectId: data.projectId, token: data.tokens[0], iterations: config.serialIterations }),
    );
    const main = await phase("main", config.rate, config.seconds);
    const steps: TPhaseReport[] = [];
    if (!config.isSkippingSteps) {
      for (const rate of config.steps) {
        const step = await phase(`step ${rate}`, rate, config.stepSeconds);
        steps.push(step);
        // one failing step ends the search; a short rest lets queues drain before the next
        if (!step.meetsGoal) break;
        await new Promise((r) => setTimeout(r, 2000));
      }
    }
    const passing = steps.filter((s) => s.meetsGoal).map((s) => s.targetRate);
    const saturationRate = passing.length ? Math.max(...passing) : null;
    const verification = await verifyJudgments({ projectId: data.projectId, userIds: data.userIds, successfulSubmits });
    const someone = data.userIds[0];
    const explain = await explainChoose({ projectId: data.projectId, userId: someone });
    const roundTrips = await countRoundTrips({ projectId: data.projectId, samples: 20 });
    const pg = (await getPool().query<{ v: string }>("SELECT split_part(version(), ' on ', 1) AS v")).rows[0].v;
    const report = {
      date: startedAt.toISOString(),
      command: `npx tsx --conditions=react-server bench/assignment-load.ts ${argv.join(" ")}`.trim(),
      machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? "?", memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, postgres: pg, load: loadAtStart },
      config,
      setup: { items: config.items, responsesPerItem: config.responses, units: data.units, annotators: data.tokens.length, dataSeconds: Math.round(data.loadSeconds), reusedData: !db.isFresh, buildSeconds: Math.round(build.seconds) },
      goal: { rate: config.rate, p99Ms: config.p99GoalMs, isMet: main.meetsGoal },
      serial,
      main,
      steps,
      saturationRate,
      verification,
      explainChoose: explain,
      roundTrips,
      notes: capacityNotes(main, config.rate),
    };
    const files = writeResults(report, path.resolve("bench/results"));
    console.log("\n" + formatTable([serial, main, ...steps]) + "\n");
    console.log(`saturation: ${saturationRate ?? "none"} iterations/s; goal ${main.meetsGoal ? "met" : "missed"}; database check: ${JSON.stringify(verification)}`);
    log(`wrote ${files.json} and ${files.md}`);
    if (!verification.isClean) process.exitCode = 1;
  } finally {
    clearTimeout(watchdog);
    await stopAll();
    await getPool().end();
    await db.stop();
  }
}

// What the measured CPU cost per iteration implies for 2 cores of our own, since a shared
// machine hands the server only part of them.
function capacityNotes(main: TPhaseReport, rate: number): string[] {
  const perIteration = main.cpu.serverMsPerIteration + main.cpu.postgresMsPerIteration + (main.cpu.loadGeneratorPct * 10) / Math.max(1, main.achievedRate);
  const cores = os.cpus().length;
  const ceiling = Math.round((cores * 1000) / perIteration);
  return [
    `CPU per iteration in the main phase: server ${main.cpu.serverMsPerIteration} ms + Postgres ${main.cpu.postgresMsPerIteration} ms + load generator ${(perIteration - main.cpu.serverMsPerIteration - main.cpu.postgresMsPerIteration).toFixed(1)} ms = ${perIteration.toFixed(1)} ms; ${cores} cores used by nothing else would saturate at about ${ceiling} iterations/s, so ${rate}/s needs ${Math.round((rate * perIteration) / 10)} % of one core (${cores * 100} % available).`,
    `During the run the machine's 1-minute load average was ${main.loadAverage} (other work on the same ${cores} cores), so the server got only part of the CPU; latency figures are upper bounds for a dedicated machine.`,
  ];
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
