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
  // after the frame following `ready` (rAF, then a message task)
  afterNextFrame: number;
  // the frame that showed it: Event Timing's next paint for a submit when that came after `ready`, else afterNextFrame
  painted: number;
  run: number;
  phase: "cold" | "warm" | "submit";
  // submits only: main-thread CPU from the input event's dispatch to the paint
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
    `- browser: ${r.browser}, Playwright; server: \`npm start\` (scripts/start.mjs) on loopback (production build in ${r.build.distDir}), Postgres on the same machine`,
    `- ${c.runs} runs, each a fresh annotator in a fresh browser context: one cold page load, ${c.comparisons} comparisons (keys 5 and 6, ${c.thinkMs} ms pause so the draft autosave and the look-ahead finish, then Submit: Ctrl+Enter and a click in turn), then ${c.warmReloads} reloads`,
    "- interactive = the workspace shows the assignment, each Monaco pane shows its response (every line it has rendered is that response's line of the same number, whitespace ignored: a pooled editor still holds the previous response until it redraws), and the overall preference control is focusable with all 7 buttons enabled (bench/lib/browser-probe.js). Times are in the page's clock: from navigation start, or from the Submit keydown/click event's timeStamp. Each cell is *DOM ready / painted*: ready = the first DOM state that meets the definition (MutationObserver); painted = the paint that showed it: for a submit, the browser's Event Timing entry of the keydown/click (start + duration, the next paint after the event, in 8 ms steps) when that paint came after ready, else (page loads, or content that came a frame later) the end of the frame after ready (rAF + a message task: an upper bound, up to a frame late).",
    "",
    "| ms | samples | p50 | p95 | max | goal (p50, painted) |",
    "|---|---|---|---|---|---|",
    row("navigation → interactive, cold (empty cache)", `≤ ${c.goals.navigationMs}: **${r.goals.isNavigationColdMet ? "met" : "missed"}**`, x.navigationCold),
    row("navigation → interactive, warm (reload)", `≤ ${c.goals.navigationMs}`, x.navigationWarm),
    row("submit → next comparison interactive", `≤ ${c.goals.submitMs}: **${r.goals.isSubmitMet ? "met" : "missed"}**`, x.submitToNext),
    "",
    `- CPU of the page's main thread per submit, from the input event's dispatch to the paint (thread time of its tasks in a Chrome trace; what the swap costs, whatever else the shared machine runs): p50 ${f(x.submitMainThreadMs.p50)} ms, p95 ${f(x.submitMainThreadMs.p95)} ms`,
    `- for context, the judgment POST itself (Resource Timing, request start → response end): p50 ${f(x.judgmentPost.p50)} ms, p95 ${f(x.judgmentPost.p95)} ms, max ${f(x.judgmentPost.max)} ms over ${x.judgmentPost.count}`,
    `- judgments stored / submitted: ${stored} / ${submitted} (${r.isLedgerClean ? "nothing lost or doubled" : "**MISMATCH**"})`,
    ...(r.notes?.length ? ["", "## Notes", "", ...r.notes.map((n) => `- ${n}`)] : []),
    "",
  ];
}
