import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One pg pool per process, shared by Prisma (through its driver adapter) and by the hot paths
// that need hand-written SQL (assignment, exports, agreement aggregation).
type DbGlobals = { pool?: pg.Pool; prisma?: PrismaClient };
const globals = globalThis as unknown as { __codejudgeDb?: DbGlobals };
const cache: DbGlobals = (globals.__codejudgeDb ??= {});

// Connections per process. Ten, not more: each new Postgres backend plans the hot statements
// afresh, and when load jumped (50 → 200 requests/s on 2 cores) a pool of 20 per worker opened
// forty backends at once, whose warm-up stalled every request for 2–4 s (p99 1.4–3 s); with 8–10
// the same jump cost ≤ 0.5 s, and random sampling's p99 at 200/s was 24 ms against 47 (one run
// each, bench/active-latency.ts --db-pool). More connections than cores × a few only queue in Postgres.
export const DEFAULT_POOL_SIZE = 10;

function createPool(): pg.Pool {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set (npm run dev sets it for the embedded Postgres)");
  const size = Number(process.env.DB_POOL_SIZE ?? DEFAULT_POOL_SIZE);
  // A fixed-size pool: connections once opened are kept (min = max), and fillPool opens them all
  // at start-up. A pool that grows under load opens its backends exactly when the server is
  // busiest, each with a fork, a login and cold catalog caches: on the 2-core bench, stalled
  // seconds came with bursts of 10–16 new backends. Keeping the pool full helped on a large aged
  // bench database and made no measurable difference on a fresh one (bench/active-latency.ts).
  const pool = new pg.Pool({ connectionString, max: size, min: process.env.DB_POOL_FILL === "0" ? 0 : size, idleTimeoutMillis: 30_000 });
  // a dropped connection must not crash the process: the next query gets a fresh client
  pool.on("error", (err) => console.error("[db] idle client error:", err.message));
  return pool;
}

export function getPool(): pg.Pool {
  return (cache.pool ??= createPool());
}

/** Opens every connection of the pool now (server start-up), so that none is opened under load. */
export async function fillPool(): Promise<void> {
  const pool = getPool();
  const opened = await Promise.allSettled(Array.from({ length: pool.options.max }, () => pool.connect()));
  const clients = opened.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
  try {
    await Promise.all(clients.map((c) => c.query("SELECT 1")));
  } finally {
    for (const c of clients) c.release();
  }
  const failed = opened.find((o) => o.status === "rejected");
  if (failed) throw failed.reason;
}

/** Ends this process's pool; the next getPool() opens a new one (on the DATABASE_URL of that moment). */
export async function closePool(): Promise<void> {
  const pool = cache.pool;
  cache.pool = undefined;
  cache.prisma = undefined;
  await pool?.end();
}

export function getPrisma(): PrismaClient {
  return (cache.prisma ??= new PrismaClient({ adapter: new PrismaPg(getPool()) }));
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get: (_target, prop) => Reflect.get(getPrisma(), prop),
});
