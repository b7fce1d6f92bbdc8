import { Worker } from "node:worker_threads";

// Runs in a thread of its own, so a busy main thread does not stop it: every 10 ms it lists the
// postmaster's children, keeps those whose process title says "parallel worker for PID n" where
// backend n serves `database`, and remembers each one's latest CPU ticks (user + system).
const SAMPLER = `
const { parentPort, workerData } = require("node:worker_threads");
const fs = require("node:fs");
const read = (path) => { try { return fs.readFileSync(path, "utf8"); } catch { return ""; } };
const ticks = (pid) => { const s = read("/proc/" + pid + "/stat"); if (!s) return -1; const f = s.slice(s.lastIndexOf(")") + 2).split(" "); return Number(f[11]) + Number(f[12]); };
const { postmaster, database } = workerData;
const isOurs = new Map();
const latest = new Map();
const tick = () => {
  for (const pid of read("/proc/" + postmaster + "/task/" + postmaster + "/children").trim().split(/\\s+/).filter(Boolean)) {
    if (!isOurs.has(pid)) {
      const leader = /parallel worker for PID (\\d+)/.exec(read("/proc/" + pid + "/cmdline"));
      isOurs.set(pid, Boolean(leader) && read("/proc/" + leader[1] + "/cmdline").includes(" " + database + " "));
    }
    if (isOurs.get(pid)) { const t = ticks(pid); if (t >= 0) latest.set(pid, t); }
  }
};
const timer = setInterval(tick, 10);
parentPort.on("message", () => { clearInterval(timer); tick(); parentPort.postMessage([...latest.values()].reduce((a, b) => a + b, 0)); });
`;

/**
 * CPU time of the Postgres parallel workers that serve `database` from now until stop() (in ms;
 * a worker's last 10 ms may be missed). Workers start and end inside a query, so a before/after
 * reading of the backends misses them; this samples them while they live.
 */
export function startParallelWorkerMeter(opts: { postmasterPid: number; database: string }): { stop: () => Promise<number> } {
  const worker = new Worker(SAMPLER, { eval: true, workerData: { postmaster: opts.postmasterPid, database: opts.database } });
  return {
    stop: () =>
      new Promise<number>((resolve, reject) => {
        worker.once("message", (ticks: number) => {
          void worker.terminate();
          resolve(ticks * 10);
        });
        worker.once("error", reject);
        worker.postMessage("stop");
      }),
  };
}
