import "server-only";
import { getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

// Fixed-window counter in Postgres, so every app server shares the same budget. The upsert is a
// fragment shared with the batched counter (lib/security/shared-rate-counter.ts): `rows` is a
// SELECT yielding key, count (the calls to add) and now(), `window` the window in seconds.
// The wait is capped at the window: a concurrent caller whose transaction began a moment before
// the window's first row was written would otherwise compute a wait a little over it.
export function rateLimitUpsertSql(rows: string, window: string): string {
  return `INSERT INTO rate_limits (key, count, window_start) ${rows}
     ON CONFLICT (key) DO UPDATE SET
       count = CASE WHEN rate_limits.window_start < now() - make_interval(secs => ${window}) THEN EXCLUDED.count ELSE rate_limits.count + EXCLUDED.count END,
       window_start = CASE WHEN rate_limits.window_start < now() - make_interval(secs => ${window}) THEN now() ELSE rate_limits.window_start END
     RETURNING key, count, LEAST(${window}, GREATEST(0, EXTRACT(EPOCH FROM (window_start + make_interval(secs => ${window}) - now()))))::float8 AS reset`;
}

export type TRateLimitResult = { allowed: boolean; remaining: number; resetSeconds: number };

export function readRateLimit(row: { count: number; reset: number }, limit: number): TRateLimitResult {
  return { allowed: row.count <= limit, remaining: Math.max(0, limit - row.count), resetSeconds: Math.ceil(row.reset) };
}

export function assertWithinRateLimit(result: TRateLimitResult): void {
  if (!result.allowed) {
    throw new AppError("rate_limited", `Too many requests; try again in ${result.resetSeconds} s`, {
      headers: { "Retry-After": String(result.resetSeconds) },
    });
  }
}

export async function consumeRateLimit(opts: { key: string; limit: number; windowSeconds: number }): Promise<TRateLimitResult> {
  const { rows } = await getPool().query<{ count: number; reset: number }>(rateLimitUpsertSql("SELECT $1::text, 1, now()", "$2"), [opts.key, opts.windowSeconds]);
  return readRateLimit(rows[0], opts.limit);
}

export async function enforceRateLimit(opts: { key: string; limit: number; windowSeconds: number }): Promise<void> {
  assertWithinRateLimit(await consumeRateLimit(opts));
}
