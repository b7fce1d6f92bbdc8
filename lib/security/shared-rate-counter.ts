import "server-only";
import { getPool } from "@/lib/db/client";
import { rateLimitUpsertSql, readRateLimit, type TRateLimitResult } from "./rate-limit";

// Per-request budgets on the hot path (API tokens) without a database write per request: each
// process counts locally and adds its counts to the shared fixed windows in rate_limits once a
// second, in one statement, reading back every server's total. A key's count is then the shared
// total at the last flush plus this process's calls since, so a budget spent on several app
// servers is enforced within about a second of traffic. Counts not yet flushed when a process
// dies are lost, which only errs towards letting a few calls through.
const FLUSH_MS = 1000;
type TWindow = { shared: number; pending: number; resetAt: number; windowSeconds: number };
const windows = new Map<string, TWindow>();
let timer: NodeJS.Timeout | null = null;
let flushing: Promise<void> | null = null;

export function countCall(opts: { key: string; limit: number; windowSeconds: number }): TRateLimitResult {
  const now = Date.now();
  let w = windows.get(opts.key);
  if (!w || now >= w.resetAt) {
    w = { shared: 0, pending: 0, resetAt: now + opts.windowSeconds * 1000, windowSeconds: opts.windowSeconds };
    windows.set(opts.key, w);
  }
  w.pending++;
  timer ??= setTimeout(() => void flushRateCounts(), FLUSH_MS).unref();
  return readRateLimit({ count: w.shared + w.pending, reset: (w.resetAt - now) / 1000 }, opts.limit);
}

/** Adds the local counts to the shared windows and reads the totals back (tests call it directly). */
export async function flushRateCounts(): Promise<void> {
  if (flushing) await flushing;
  timer = null;
  flushing = flushOnce().finally(() => (flushing = null));
  await flushing;
}

async function flushOnce(): Promise<void> {
  const now = Date.now();
  for (const [key, w] of windows) if (now >= w.resetAt && w.pending === 0) windows.delete(key);
  const byWindow = new Map<number, Array<[string, TWindow, number]>>();
  for (const [key, w] of windows) {
    if (w.pending === 0) continue;
    const batch = byWindow.get(w.windowSeconds) ?? [];
    batch.push([key, w, w.pending]);
    byWindow.set(w.windowSeconds, batch);
    w.pending = 0;
  }
  for (const [windowSeconds, batch] of byWindow) {
    try {
      const { rows } = await getPool().query<{ key: string; count: number; reset: number }>({
        name: "flush-rate-counts",
        text: rateLimitUpsertSql("SELECT k, d, now() FROM unnest($1::text[], $2::int[]) AS x(k, d)", "$3::int"),
        values: [batch.map(([key]) => key), batch.map(([, , n]) => n), windowSeconds],
      });
      const read = Date.now();
      for (const row of rows) {
        const w = windows.get(row.key);
        if (w) Object.assign(w, { shared: row.count, resetAt: read + row.reset * 1000 });
      }
    } catch (error) {
      // the database is away: keep the counts for the next flush
      for (const [, w, n] of batch) w.pending += n;
      console.error("[rate-limit] flush failed:", (error as Error).message);
    }
  }
  if ([...windows.values()].some((w) => w.pending > 0)) timer ??= setTimeout(() => void flushRateCounts(), FLUSH_MS).unref();
}
