import { randomUUID } from "node:crypto";
import { request, closeConnections } from "./http-client";
import { summarize, type TLatencySummary } from "./stats";

export type TPhaseResult = {
  label: string;
  targetRate: number;
  seconds: number;
  finishedAt: string;
  achievedRate: number;
  next: TLatencySummary & { statuses: Record<string, number> };
  submit: TLatencySummary & { statuses: Record<string, number> };
  noIdleAnnotator: number;
  /** The five seconds of the run (counted from its start) with the slowest `next`, to line tails up with server events. */
  slowestSeconds: Array<{ second: number; maxMs: number; over50: number; count: number; sendLateMs: number }>;
  errors: string[];
};

type TCounters = { latencies: number[]; statuses: Record<string, number> };
type TTarget = { baseUrl: string; projectId: string };

// One virtual annotator's iteration: `next`, then on 200 a valid judgment. `next` latency counts
// from `dueAt`; the submit is timed from when it is sent (it follows at once).
function createRecorder(target: TTarget) {
  const origin = performance.now();
  const bySecond = new Map<number, { maxMs: number; over50: number; count: number; sendLateMs: number }>();
  const secondOf = (dueAt: number) => {
    const second = Math.floor((dueAt - origin) / 1000);
    const s = bySecond.get(second) ?? { maxMs: 0, over50: 0, count: 0, sendLateMs: 0 };
    bySecond.set(second, s);
    return s;
  };
  // how late the load generator itself sent a request: its own stalls, not the server's
  const noteSent = (dueAt: number) => {
    const s = secondOf(dueAt);
    s.sendLateMs = Math.max(s.sendLateMs, performance.now() - dueAt);
  };
  const noteSecond = (dueAt: number, ms: number) => {
    const s = secondOf(dueAt);
    s.maxMs = Math.max(s.maxMs, ms);
    s.over50 += ms > 50 ? 1 : 0;
    s.count++;
  };
  const next: TCounters = { latencies: [], statuses: {} };
  const submit: TCounters = { latencies: [], statuses: {} };
  const errors: string[] = [];
  const count = (c: TCounters, status: string) => (c.statuses[status] = (c.statuses[status] ?? 0) + 1);
  const note = (message: string) => {
    if (errors.length < 20) errors.push(message);
  };
  const iterate = async (dueAt: number, token: string) => {
    try {
      noteSent(dueAt);
      const got = await request({ url: `${target.baseUrl}/api/v1/projects/${target.projectId}/next`, method: "GET", token });
      next.latencies.push(performance.now() - dueAt);
      noteSecond(dueAt, performance.now() - dueAt);
      count(next, String(got.status));
      if (got.status !== 200) {
        if (got.status !== 204) note(`next ${got.status}: ${got.body.slice(0, 200)}`);
        return;
      }
      const { assignment } = JSON.parse(got.body) as { assignment: { id: string } };
      const preference = Math.floor(Math.random() * 7) - 3;
      const body = JSON.stringify({ idempotencyKey: randomUUID(), preference, aspects: { correctness: preference }, confidence: 3 });
      const sentAt = performance.now();
      const posted = await request({ url: `${target.baseUrl}/api/v1/assignments/${assignment.id}/judgment`, method: "POST", token, body });
      submit.latencies.push(performance.now() - sentAt);
      count(submit, String(posted.status));
      if (posted.status !== 201) note(`submit ${posted.status}: ${posted.body.slice(0, 200)}`);
    } catch (error) {
      count(next, "network");
      note(`network: ${(error as Error).message}`);
    }
  };
  const result = (opts: { label: string; targetRate: number; seconds: number; achievedRate: number; noIdleAnnotator: number }): TPhaseResult => ({
    ...opts,
    finishedAt: new Date().toISOString(),
    next: { ...summarize(next.latencies), statuses: next.statuses },
    submit: { ...summarize(submit.latencies), statuses: submit.statuses },
    slowestSeconds: [...bySecond]
      .map(([second, s]) => ({ second, maxMs: Math.round(s.maxMs), over50: s.over50, count: s.count, sendLateMs: Math.round(s.sendLateMs) }))
      .sort((a, b) => b.maxMs - a.maxMs)
      .slice(0, 5),
    errors,
  });
  return { iterate, result };
}

// Open loop: iteration i is due at start + i/rate whatever the server is doing, and `next` latency
// counts from that due time, so a stalled server shows up as latency instead of as fewer requests
// (no coordinated omission). Each iteration takes an idle virtual annotator, so no annotator has
// two at once; when none is idle the iteration is counted as dropped.
export async function runOpenLoop(opts: TTarget & { label: string; tokens: string[]; rate: number; seconds: number }): Promise<TPhaseResult> {
  // sockets left idle since the last phase (a priors refresh can take half a minute) may have been
  // closed by the server's 5 s keep-alive timeout; reusing one is a reset, not a server error
  closeConnections();
  const recorder = createRecorder(opts);
  const idle = [...opts.tokens];
  const inFlight = new Set<Promise<void>>();
  let noIdleAnnotator = 0;
  const total = Math.round(opts.rate * opts.seconds);
  const interval = 1000 / opts.rate;
  const started = performance.now();
  let issued = 0;
  await new Promise<void>((resolve) => {
    // a 1 ms ticker launches every iteration that has fallen due; due times, not tick times, are recorded
    const tick = () => {
      const now = performance.now();
      while (issued < total && started + issued * interval <= now) {
        const dueAt = started + issued * interval;
        issued++;
        const token = idle.pop();
        if (!token) {
          noIdleAnnotator++;
          continue;
        }
        const p = recorder.iterate(dueAt, token).finally(() => {
          idle.push(token);
          inFlight.delete(p);
        });
        inFlight.add(p);
      }
      if (issued >= total) resolve();
      else setTimeout(tick, Math.max(0, Math.min(1, started + issued * interval - performance.now())));
    };
    tick();
  });
  const issueSeconds = (performance.now() - started) / 1000;
  await Promise.all([...inFlight]);
  const achievedRate = Math.round(((total - noIdleAnnotator) / Math.max(issueSeconds, opts.seconds)) * 10) / 10;
  return recorder.result({ label: opts.label, targetRate: opts.rate, seconds: opts.seconds, achievedRate, noIdleAnnotator });
}

// Closed loop with one annotator: each iteration starts when the previous one ends, so the
// latencies are service times without any queueing behind other requests.
export async function runSerial(opts: TTarget & { label: string; token: string; iterations: number }): Promise<TPhaseResult> {
  closeConnections();
  const recorder = createRecorder(opts);
  const started = performance.now();
  for (let i = 0; i < opts.iterations; i++) await recorder.iterate(performance.now(), opts.token);
  const seconds = (performance.now() - started) / 1000;
  return recorder.result({ label: opts.label, targetRate: 0, seconds: Math.round(seconds), achievedRate: Math.round((opts.iterations / seconds) * 10) / 10, noIdleAnnotator: 0 });
}

/** One log line: the run's slowest seconds, to line a latency tail up with what the server did then. */
export function describeSlowestSeconds(result: TPhaseResult): string {
  return `  slowest seconds (second: max ms, over 50 ms / requests, load generator's latest send ms): ${result.slowestSeconds.map((s) => `${s.second}: ${s.maxMs}, ${s.over50}/${s.count}, ${s.sendLateMs}`).join(" · ")}`;
}
