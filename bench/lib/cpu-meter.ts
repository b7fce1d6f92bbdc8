import fs from "node:fs";

const TICKS_PER_SECOND = 100;

/**
 * The Postgres processes serving the database `db` is connected to (backends, autovacuum
 * workers). `excludeSelf` leaves out the connection that asks: right when it only meters, wrong
 * when the measured work runs on the same pool (its connection may have done that work).
 */
export async function listDatabaseBackends(db: { query: <R extends object>(text: string) => Promise<{ rows: R[] }> }, opts: { excludeSelf: boolean }): Promise<number[]> {
  const { rows } = await db.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()${opts.excludeSelf ? " AND pid <> pg_backend_pid()" : ""}`);
  return rows.map((r) => r.pid);
}

/** When the process started, in clock ticks since boot (0 when it is gone). */
function startTicks(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
  } catch {
    return 0;
  }
}

const uptimeTicks = () => Math.floor(Number(fs.readFileSync("/proc/uptime", "utf8").split(" ")[0]) * TICKS_PER_SECOND);

export function processTicks(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid) found.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return found;
}

export type TCpuShares = { serverPct: number; postgresPct: number; loadGeneratorPct: number; serverMsPerIteration: number; postgresMsPerIteration: number };

// CPU used during a phase, in percent of one core (2 cores = 200 %), and per iteration. Postgres
// counts only the processes serving the bench database (their pids come from pg_stat_activity:
// its backends and the autovacuum workers cleaning up after the load), so other work on a shared
// server is left out. They are sampled every 250 ms and each one's last reading is kept, so a
// process that exits mid-phase counts up to its last sample instead of dropping out (which made
// the figure negative when a worker that existed at the start ended).
export async function startCpuMeter(opts: { serverPid: number; listBackendPids: () => Promise<number[]> }) {
  const wallStart = performance.now();
  const serverPids = [opts.serverPid, ...childrenOf(opts.serverPid)];
  const sum = (pids: Iterable<number>) => [...pids].reduce((s, pid) => s + processTicks(pid), 0);
  const backendsBefore = new Map((await opts.listBackendPids()).map((pid) => [pid, processTicks(pid)]));
  const lastSeen = new Map(backendsBefore);
  // A backend first listed mid-phase counts from zero only if it started during the phase: one
  // that existed before but was not listed at the start (the connection that asked, say, after it
  // ran a 30 s priors refresh) has CPU from before the phase that must not be counted.
  const phaseStart = uptimeTicks() - 1;
  const sample = async () => {
    for (const pid of new Set([...lastSeen.keys(), ...(await opts.listBackendPids())])) {
      if (!lastSeen.has(pid) && startTicks(pid) < phaseStart) continue;
      const ticks = processTicks(pid);
      if (ticks > 0) lastSeen.set(pid, ticks);
    }
  };
  let sampling = Promise.resolve();
  const timer = setInterval(() => void (sampling = sampling.then(sample, sample)), 250);
  const serverBefore = sum(serverPids);
  const self = process.cpuUsage();
  return async (iterations: number): Promise<TCpuShares> => {
    clearInterval(timer);
    await sampling;
    await sample();
    const seconds = (performance.now() - wallStart) / 1000;
    const own = process.cpuUsage(self);
    const server = sum(serverPids) - serverBefore;
    let postgres = 0;
    for (const [pid, ticks] of lastSeen) postgres += Math.max(0, ticks - (backendsBefore.get(pid) ?? 0));
    const pct = (ticks: number) => Math.round((ticks / TICKS_PER_SECOND / seconds) * 100);
    const perIteration = (ticks: number) => Math.round(((ticks / TICKS_PER_SECOND) * 1000 * 100) / Math.max(1, iterations)) / 100;
    return {
      serverPct: pct(server),
      postgresPct: pct(postgres),
      loadGeneratorPct: Math.round(((own.user + own.system) / 1e6 / seconds) * 100),
      serverMsPerIteration: perIteration(server),
      postgresMsPerIteration: perIteration(postgres),
    };
  };
}
