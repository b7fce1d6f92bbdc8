// Shared by bench/load-annotators.ts and bench/faults-*.ts: production servers on a dist folder of
// our own, and closed-loop virtual annotators that retry a submit with the same idempotencyKey
// until the server gives a definite answer. Reuses the assignment-load driver's HTTP client,
// percentiles and data loader (bench/lib); only the annotator loop and the server set are new.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import http from "node:http";
import { startBenchServer, type TBenchServer } from "./lib/bench-server";
import { summarize, type TLatencySummary } from "./lib/stats";

const ROOT = path.resolve(import.meta.dirname, "..");
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");

// Builds into `distDir` when it holds no build yet; tsconfig.json is put back as it was after.
export function ensureDistBuild(distDir: string, env: NodeJS.ProcessEnv, log: (s: string) => void): void {
  if (fs.existsSync(path.join(ROOT, distDir, "BUILD_ID"))) return;
  log(`building into ${distDir} (a few minutes on 2 cores)`);
  const tsconfig = fs.readFileSync(path.join(ROOT, "tsconfig.json"));
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: ROOT, env: { ...env, NEXT_DIST_DIR: distDir }, encoding: "utf8" });
  fs.writeFileSync(path.join(ROOT, "tsconfig.json"), tsconfig);
  if (result.status !== 0) throw new Error(`next build failed:\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
}

// One production server process (scripts/start.mjs with one worker) per server: the fault and
// multi-replica benches start several themselves, through the shared bench server launcher.
export type TAppServer = TBenchServer;

export function startAppServer(opts: { env: NodeJS.ProcessEnv; distDir: string; port: number; logFile: string }): Promise<TAppServer> {
  return startBenchServer({ ...opts, workers: 1 });
}

export type TAnnotatorRun = {
  seconds: number;
  annotators: number;
  servers: number;
  next: TLatencySummary & { statuses: Record<string, number> };
  submit: TLatencySummary & { statuses: Record<string, number> };
  acknowledged: string[]; // every judgmentId a 201 or 200 returned
  created: number; // 201s
  replayed: number; // 200s: a retried submit the server had already stored
  retries: number;
  errors: number; // non-2xx answers and network errors (retryable ones included)
  retryableErrors: number; // 503 with Retry-After, or a refused/reset connection
  badRetryAfter: number; // a 503 without Retry-After
  unexpected: string[]; // anything else, first 20
  timeline: Array<{ second: number; ok: number; failed: number }>;
};

// node:http with keep-alive like bench/lib/http-client.ts, but it also hands back Retry-After.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
export const closeAgent = () => agent.destroy();
function httpCall(opts: { method: "GET" | "POST"; url: string; token: string; body?: string }): Promise<{ status: number; body: string; retryAfter: boolean }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { authorization: `Bearer ${opts.token}` };
    if (opts.body !== undefined) Object.assign(headers, { "content-type": "application/json", "content-length": String(Buffer.byteLength(opts.body)) });
    const req = http.request(opts.url, { method: opts.method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), retryAfter: Number(res.headers["retry-after"]) > 0 }));
      res.on("error", reject);
    });
    req.setTimeout(20_000, () => req.destroy(new Error("client timeout")));
    req.on("error", reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Closed loop: each annotator fetches `next`, submits, and repeats; requests alternate over the
// servers. A submit that fails retryably is sent again with the same idempotencyKey, so a judgment
// the server stored before the failure comes back as 200 with the same id instead of a second row.
export async function runAnnotators(opts: { servers: string[]; projectId: string; tokens: string[]; seconds: number; log?: (s: string) => void }): Promise<TAnnotatorRun> {
  const next = { latencies: [] as number[], statuses: {} as Record<string, number> };
  const submit = { latencies: [] as number[], statuses: {} as Record<string, number> };
  const run: Omit<TAnnotatorRun, "next" | "submit"> = { seconds: opts.seconds, annotators: opts.tokens.length, servers: opts.servers.length, acknowledged: [], created: 0, replayed: 0, retries: 0, errors: 0, retryableErrors: 0, badRetryAfter: 0, unexpected: [], timeline: [] };
  const started = performance.now();
  const endAt = started + opts.seconds * 1000;
  const bucket = (isOk: boolean) => {
    const second = Math.floor((performance.now() - started) / 1000);
    while (run.timeline.length <= second) run.timeline.push({ second: run.timeline.length, ok: 0, failed: 0 });
    run.timeline[second][isOk ? "ok" : "failed"]++;
  };
  const note = (s: string) => run.unexpected.length < 20 && run.unexpected.push(s);
  let turn = 0;
  const pick = () => opts.servers[turn++ % opts.servers.length];
  const classify = (status: number, retryAfter: boolean) => {
    run.errors++;
    bucket(false);
    if (status === 0 || (status === 503 && retryAfter)) run.retryableErrors++;
    if (status === 503 && !retryAfter) run.badRetryAfter++;
  };
  const call = (method: "GET" | "POST", url: string, token: string, body?: string) =>
    httpCall({ method, url, token, body }).catch((error: Error) => ({ status: 0, body: error.message, retryAfter: false }));

  const annotator = async (token: string) => {
    while (performance.now() < endAt) {
      const t0 = performance.now();
      const got = await call("GET", `${pick()}/api/v1/projects/${opts.projectId}/next`, token);
      next.latencies.push(performance.now() - t0);
      next.statuses[got.status] = (next.statuses[got.status] ?? 0) + 1;
      if (got.status === 204) return;
      if (got.status !== 200) {
        classify(got.status, got.retryAfter);
        if (got.status !== 0 && got.status !== 503) note(`next ${got.status}: ${got.body.slice(0, 160)}`);
        await sleep(got.status === 503 ? 500 : 200);
        continue;
      }
      bucket(true);
      const { assignment } = JSON.parse(got.body) as { assignment: { id: string } };
      const preference = Math.floor(Math.random() * 7) - 3;
      const body = JSON.stringify({ idempotencyKey: randomUUID(), preference, aspects: { correctness: preference }, confidence: 3 });
      for (let attempt = 0; ; attempt++) {
        if (attempt > 0) run.retries++;
        const t1 = performance.now();
        const posted = await call("POST", `${pick()}/api/v1/assignments/${assignment.id}/judgment`, token, body);
        if (attempt === 0) submit.latencies.push(performance.now() - t1);
        submit.statuses[posted.status] = (submit.statuses[posted.status] ?? 0) + 1;
        if (posted.status === 201 || posted.status === 200) {
          bucket(true);
          run.acknowledged.push((JSON.parse(posted.body) as { judgmentId: string }).judgmentId);
          if (posted.status === 201) run.created++;
          else run.replayed++;
          break;
        }
        classify(posted.status, posted.retryAfter);
        if (posted.status !== 0 && posted.status !== 503) {
          note(`submit ${posted.status}: ${posted.body.slice(0, 160)}`);
          break;
        }
        // retryable: same body, same idempotencyKey, for up to a minute
        if (attempt > 120) {
          note(`submit gave up after ${attempt} retries`);
          break;
        }
        await sleep(500);
      }
    }
  };
  await Promise.all(opts.tokens.map((t) => annotator(t)));
  return { ...run, next: { ...summarize(next.latencies), statuses: next.statuses }, submit: { ...summarize(submit.latencies), statuses: submit.statuses } };
}

export type TLedger = { acknowledged: number; distinctAcknowledged: number; missing: number; stored: number; unacknowledgedStored: number; duplicateUnitUser: number; duplicateIdempotencyKeys: number; isClean: boolean };

// The database against what the clients were told: every acknowledged id exactly once, nothing
// stored that nobody was told about (except a submit whose answer was lost mid-fault, which the
// client then retried: that shows up as a 200 replay, not as an extra row).
export async function checkLedger(opts: { query: <T>(sql: string, params: unknown[]) => Promise<T[]>; projectId: string; userIds: string[]; acknowledged: string[] }): Promise<TLedger> {
  const distinct = [...new Set(opts.acknowledged)];
  const [found] = await opts.query<{ n: number }>("SELECT count(*)::int AS n FROM judgments WHERE id = ANY($1::text[])", [distinct]);
  const [stored] = await opts.query<{ n: number }>("SELECT count(*)::int AS n FROM judgments WHERE project_id = $1 AND user_id = ANY($2::text[])", [opts.projectId, opts.userIds]);
  const [dupes] = await opts.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM (SELECT 1 FROM judgments WHERE project_id = $1 AND user_id = ANY($2::text[]) GROUP BY unit_id, user_id HAVING count(*) > 1) d",
    [opts.projectId, opts.userIds],
  );
  const [keys] = await opts.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM (SELECT 1 FROM judgments WHERE project_id = $1 AND user_id = ANY($2::text[]) GROUP BY user_id, idempotency_key HAVING count(*) > 1) d",
    [opts.projectId, opts.userIds],
  );
  const ledger = {
    acknowledged: opts.acknowledged.length,
    distinctAcknowledged: distinct.length,
    missing: distinct.length - found.n,
    stored: stored.n,
    unacknowledgedStored: stored.n - found.n,
    duplicateUnitUser: dupes.n,
    duplicateIdempotencyKeys: keys.n,
  };
  return { ...ledger, isClean: ledger.missing === 0 && ledger.unacknowledgedStored === 0 && ledger.duplicateUnitUser === 0 && ledger.duplicateIdempotencyKeys === 0 && distinct.length === opts.acknowledged.length };
}
