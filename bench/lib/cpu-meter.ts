import fs from "node:fs";

const TICKS_PER_SECOND = 100;

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
// counts only the backends serving the bench database (their pids come from pg_stat_activity),
// so other work on a shared server is left out; a backend that exits mid-phase drops out.
export async function startCpuMeter(opts: { serverPid: number; listBackendPids: () => Promise<number[]> }) {
  const wallStart = performance.now();
  const serverPids = [opts.serverPid, ...childrenOf(opts.serverPid)];
  const sum = (pids: Iterable<number>) => [...pids].reduce((s, pid) => s + processTicks(pid), 0);
  const backendsBefore = new Map((await opts.listBackendPids()).map((pid) => [pid, processTicks(pid)]));
  const serverBefore = sum(serverPids);
  const self = process.cpuUsage();
  return async (iterations: number): Promise<TCpuShares> => {
    const seconds = (performance.now() - wallStart) / 1000;
    const own = process.cpuUsage(self);
    const server = sum(serverPids) - serverBefore;
    let postgres = 0;
    for (const pid of new Set([...backendsBefore.keys(), ...(await opts.listBackendPids())])) postgres += processTicks(pid) - (backendsBefore.get(pid) ?? 0);
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
