import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TPhaseResult } from "./open-loop";
import type { TCpuShares } from "./cpu-meter";
import type { TVerification } from "./verify-judgments";
import type { TRoundTrips } from "./count-round-trips";

export type TPhaseReport = TPhaseResult & { cpu: TCpuShares; loadAverage: number; meetsGoal: boolean; learning?: { maxDepth: number; maxAgeMs: number }; wal?: { recordsPerIteration: number; fullPagesPerIteration: number; bytesPerIteration: number } };

export type TBenchReport = {
  date: string;
  command: string;
  machine: { cores: number; cpu: string; memoryGb: number; node: string; postgres: string; load: string };
  config: Record<string, unknown>;
  setup: { items: number; responsesPerItem: number; units: number; annotators: number; dataSeconds: number; reusedData: boolean; buildSeconds: number };
  goal: { rate: number; p99Ms: number; isMet: boolean };
  serial: TPhaseReport;
  main: TPhaseReport;
  steps: TPhaseReport[];
  saturationRate: number | null;
  verification: TVerification;
  explainChoose: string;
  roundTrips: TRoundTrips;
  notes: string[];
};

const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "–");

function row(p: TPhaseReport): string {
  const sent = p.next.count;
  const bad = sent - (p.next.statuses["200"] ?? 0) + (p.submit.count - (p.submit.statuses["201"] ?? 0));
  return `| ${p.label} | ${p.targetRate || "closed loop"} | ${p.achievedRate} | ${fmt(p.next.p50)} | ${fmt(p.next.p99)} | ${fmt(p.submit.p50)} | ${fmt(p.submit.p99)} | ${fmt(Math.max(p.next.max, p.submit.max))} | ${bad} | ${p.noIdleAnnotator} | ${p.cpu.serverPct} / ${p.cpu.postgresPct} / ${p.cpu.loadGeneratorPct} | ${p.cpu.serverMsPerIteration} / ${p.cpu.postgresMsPerIteration} | ${p.loadAverage} | ${p.meetsGoal ? "yes" : "no"} |`;
}

export function formatTable(phases: TPhaseReport[]): string {
  return [
    "| phase | target /s | achieved /s | next p50 | next p99 | submit p50 | submit p99 | max | non-2xx | dropped | CPU % server / pg / loadgen | CPU ms per iteration server / pg | machine load (1 min) | p99 ≤ 50 ms |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...phases.map(row),
  ].join("\n");
}

export function writeResults(report: TBenchReport, dir: string): { json: string; md: string } {
  fs.mkdirSync(dir, { recursive: true });
  const json = path.join(dir, "assignment-load.json");
  const md = path.join(dir, "assignment-load.md");
  fs.writeFileSync(json, JSON.stringify(report, null, 2) + "\n");
  const v = report.verification;
  const lines = [
    "# Assignment load benchmark",
    "",
    `- date: ${report.date}`,
    `- machine: ${report.machine.cores} cores (${report.machine.cpu}), ${report.machine.memoryGb} GB RAM, Node ${report.machine.node}, ${report.machine.postgres}; load average at start ${report.machine.load}`,
    `- command: \`${report.command}\``,
    `- data: ${report.setup.items} items × ${report.setup.responsesPerItem} responses = ${report.setup.units} pairwise units (overlap 3), ${report.setup.annotators} annotators with API tokens${report.setup.reusedData ? " (data reused from an earlier run)" : ""}`,
    `- server: \`npm start\` (scripts/start.mjs → scripts/server.mjs, production build in .next-bench), ${report.config.workers ?? "default (cores, up to 4)"} worker processes, loopback only, DB pool ${report.config.dbPoolSize} per worker; **TOKEN_RATE_LIMIT_PER_MIN=0** (the per-token rate limiter is off for the bench server)`,
    "- load: open loop — iteration i is due at start + i/rate; each is `GET /api/v1/projects/{id}/next` then, on 200, `POST /api/v1/assignments/{id}/judgment` by an idle virtual annotator. `next` latency counts from the due time (no coordinated omission); submit latency from when it is sent. A rate of R means R `next` + R submits per second (2R HTTP requests/s).",
    `- goal: p99 ≤ ${report.goal.p99Ms} ms for both at ${report.goal.rate} iterations/s for ${report.main.seconds} s → **${report.goal.isMet ? "met" : "missed"}**`,
    `- saturation (highest step rate with both p99 ≤ ${report.goal.p99Ms} ms, no drops, < 1 % errors): **${report.saturationRate ?? "none"} iterations/s**`,
    "",
    "Latencies in ms. CPU in % of one core (200 % = both cores); pg counts the Postgres backends serving the bench database only. CPU per iteration (one `next` + one submit) is the figure least disturbed by other load on the machine.",
    "",
    formatTable([report.serial, report.main, ...report.steps]),
    "",
    "## Database check after the run",
    "",
    `- successful submits (201): ${v.successfulSubmits}; judgments stored for the bench annotators: ${v.judgmentsStored} → lost or extra: ${v.lostOrExtra}`,
    `- (unit, user) pairs judged twice: ${v.duplicateUnitUser}; units over their target: ${v.unitsOverTarget}; units whose counters drifted from the rows: ${v.unitsWithDriftedCounters}`,
    `- verdict: **${v.isClean ? "clean" : "PROBLEMS"}**`,
    "",
    "## Database round trips (lib calls, counted in-process)",
    "",
    `- \`getNextAssignment\`: ${report.roundTrips.next}; \`submitJudgment\`: ${report.roundTrips.submit}; each HTTP request adds 1 token statement (lookup + rate-limit count) (mean over ${report.roundTrips.samples} calls; BEGIN/COMMIT count as round trips)`,
    "",
    "## EXPLAIN ANALYZE of the choose query (after the run)",
    "",
    "```",
    report.explainChoose,
    "```",
    "",
    ...(report.notes.length ? ["## Notes", "", ...report.notes.map((n) => `- ${n}`), ""] : []),
  ];
  fs.writeFileSync(md, lines.join("\n"));
  return { json, md };
}

export type TMachine = { cores: number; cpu: string; memoryGb: number; node: string; load: string };

export function machineInfo(): TMachine {
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "?",
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    load: os.loadavg().map((l) => l.toFixed(2)).join(" "),
  };
}

// bench/results/<name>.json and .md, for a bench whose report has its own shape.
export function writeBenchFiles(opts: { name: string; report: object; markdown: string[]; dir?: string }): { json: string; md: string } {
  const dir = opts.dir ?? path.resolve(import.meta.dirname, "../results");
  fs.mkdirSync(dir, { recursive: true });
  const json = path.join(dir, `${opts.name}.json`);
  const md = path.join(dir, `${opts.name}.md`);
  fs.writeFileSync(json, JSON.stringify(opts.report, null, 2) + "\n");
  fs.writeFileSync(md, opts.markdown.join("\n") + "\n");
  return { json, md };
}
