import "server-only";
import { getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

// Fixed-window counter in Postgres, so every app server shares the same budget.
export async function consumeRateLimit(opts: { key: string; limit: number; windowSeconds: number }): Promise<{ allowed: boolean; remaining: number; resetSeconds: number }> {
  const { rows } = await getPool().query<{ count: number; reset: number }>(
    `INSERT INTO rate_limits (key, count, window_start) VALUES ($1, 1, now())
     ON CONFLICT (key) DO UPDATE SET
       count = CASE WHEN rate_limits.window_start < now() - make_interval(secs => $2) THEN 1 ELSE rate_limits.count + 1 END,
       window_start = CASE WHEN rate_limits.window_start < now() - make_interval(secs => $2) THEN now() ELSE rate_limits.window_start END
     RETURNING count, GREATEST(0, EXTRACT(EPOCH FROM (window_start + make_interval(secs => $2) - now())))::float8 AS reset`,
    [opts.key, opts.windowSeconds],
  );
  const row = rows[0];
  return { allowed: row.count <= opts.limit, remaining: Math.max(0, opts.limit - row.count), resetSeconds: Math.ceil(row.reset) };
}

export async function enforceRateLimit(opts: { key: string; limit: number; windowSeconds: number }): Promise<void> {
  const result = await consumeRateLimit(opts);
  if (!result.allowed) {
    throw new AppError("rate_limited", `Too many requests; try again in ${result.resetSeconds} s`, {
      headers: { "Retry-After": String(result.resetSeconds) },
    });
  }
}
