import pg from "pg";
import { describe, expect, it } from "vitest";
import { fillPool, getPool } from "@/lib/db/client";

// The pool is fixed-size: fillPool opens every connection at server start-up (instrumentation.ts),
// so a burst of requests never waits for new Postgres backends, and idle ones are kept.

describe("the connection pool", () => {
  it("opens every connection at once and keeps them when idle", async () => {
    const pool = getPool();
    await fillPool();
    expect(pool.totalCount).toBe(pool.options.max);
    expect(pool.idleCount).toBe(pool.options.max);
    // idle connections are closed only above min, and min is the pool's size
    expect(pool.options.min).toBe(pool.options.max);
  });

  it("replaces a connection Postgres dropped, and every query still gets one", async () => {
    const pool = getPool();
    await fillPool();
    const client = await pool.connect();
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    client.release();
    const dropped = new Promise<void>((resolve) => pool.once("remove", () => resolve()));
    // from outside the pool (the pool would hand back the very connection being dropped)
    const killer = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await killer.connect();
    try {
      await killer.query("SELECT pg_terminate_backend($1)", [rows[0].pid]);
    } finally {
      await killer.end();
    }
    await dropped;
    expect(pool.totalCount).toBe(pool.options.max - 1);
    // as many queries at once as the pool holds: the missing connection is opened again on demand
    const pids = await Promise.all(
      Array.from({ length: pool.options.max }, async () => {
        const c = await pool.connect();
        try {
          return (await c.query<{ pid: number }>("SELECT pg_backend_pid() AS pid, pg_sleep(0.05)")).rows[0].pid;
        } finally {
          c.release();
        }
      }),
    );
    expect(new Set(pids).size).toBe(pool.options.max);
    expect(pids).not.toContain(rows[0].pid);
    expect(pool.totalCount).toBe(pool.options.max);
  });
});
