import type { TLatencySummary } from "./stats";
import type { TMachine } from "./write-results";

// One measurement from bench/lib/browser-probe.js, in ms of the page clock.
export type TBrowserSample = {
  kind: "navigation" | "submit";
  input: "key" | "click" | null;
  from: string | null;
  to: string;
  start: number;
  ready: number;
  painted: number;
  run: number;
  phase: "cold" | "warm" | "submit";
  // submits only: main-thread task time from the press until the sample was complete
  mainThreadMs?: number;
};

type TPair = { ready: TLatencySummary; painted: TLatencySummary };

export type TBrowserReport = {
  date: string;
  command: string;
  machine: TMachine & { loadAtStart: string };
  browser: string;
  config: { runs: number; comparisons: number; warmReloads: number; thinkMs: number; goals: { navigationMs: number; submitMs: number } };
  build: { built: boolean; seconds: number; distDir: string };
  figures: { navigationCold: TPair; navigationWarm: TPair; submitToNext: TPair; judgmentPost: TLatencySummary; submitMainThreadMs: TLatencySummary };
  goals: { isNavigationColdMet: boolean; isSubmitMet: boolean };
  ledger: Array<{ run: number; submitted: number; stored: number }>;
  isLedgerClean: boolean;
  notes?: string[];
};

const f = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : "–");
const row = (label: string, goal: string, p: TPair) =>
  `| ${label} | ${p.ready.count} | ${f(p.ready.p50)} / ${f(p.painted.p50)} | ${f(p.ready.p95)} / ${f(p.painted.p95)} | ${f(p.ready.max)} / ${f(p.painted.max)} | ${goal} |`;

export function formatBrowserReport(r: TBrowserReport): string[] {
  const { figures: x, config: c } = r;
  const stored = r.ledger.reduce((s, l) => s + l.stored, 0);
  const submitted = r.ledger.reduce((s, l) => s + l.submitted, 0);
  return [
    "# Comparison screen in the browser: page load and submit → next",
    "",
    `- date: ${r.date}; machine: ${r.machine.cores} cores (${r.machine.cpu}), ${r.machine.memoryGb} GB, Node ${r.machine.node}; load average at the start ${r.machine.loadAtStart}, at the end ${r.machine.load} (shared machine: other engineers' builds and benches)`,
    `- command: \`${r.command}\``,
    `- browser: ${r.browser}, Playwright; server: \`next start\` on loopback (production build in ${r.build.distDir}), Postgres on the same machine`,
    `- ${c.runs} runs, each a fresh annotator in a fresh browser context: one cold page load, ${c.comparisons} comparisons (keys 5 and 6, ${c.thinkMs} ms pause so the draft autosave and the look-ahead finish, then Submit: Ctrl+Enter and a click in turn), then ${c.warmReloads} reloads`,
    "- interactive = the workspace shows the assignment, each Monaco pane has rendered its response's first non-empty line, and the overall preference control is focusable with all 7 buttons enabled (bench/lib/browser-probe.js). Times are in the page's clock: from navigation start, or from the Submit keydown/click event's timeStamp. Each cell is *DOM ready / painted*: ready = the first DOM state that meets the definition (MutationObserver); painted = after the next frame (an upper bound).",
    "",
    "| ms | samples | p50 | p95 | max | goal (p50, painted) |",
    "|---|---|---|---|---|---|",
    row("navigation → interactive, cold (empty cache)", `≤ ${c.goals.navigationMs}: **${r.goals.isNavigationColdMet ? "met" : "missed"}**`, x.navigationCold),
    row("navigation → interactive, warm (reload)", `≤ ${c.goals.navigationMs}`, x.navigationWarm),
    row("submit → next comparison interactive", `≤ ${c.goals.submitMs}: **${r.goals.isSubmitMet ? "met" : "missed"}**`, x.submitToNext),
    "",
    `- renderer task time (CDP Performance.TaskDuration) from the submit press until the bench read the finished sample (up to 100 ms after the paint, so it includes background work such as the look-ahead and the probe; CPU, so less sensitive to other load than wall time): p50 ${f(x.submitMainThreadMs.p50)} ms, p95 ${f(x.submitMainThreadMs.p95)} ms`,
    `- for context, the judgment POST itself (Resource Timing, request start → response end): p50 ${f(x.judgmentPost.p50)} ms, p95 ${f(x.judgmentPost.p95)} ms, max ${f(x.judgmentPost.max)} ms over ${x.judgmentPost.count}`,
    `- judgments stored / submitted: ${stored} / ${submitted} (${r.isLedgerClean ? "nothing lost or doubled" : "**MISMATCH**"})`,
    ...(r.notes?.length ? ["", "## Notes", "", ...r.notes.map((n) => `- ${n}`)] : []),
    "",
  ];
}
