import { Worker } from "node:worker_threads";

// Runs in a thread of its own, so a busy main thread does not stop it: between "start" and
// "stop" it lists the postmaster's children every 10 ms, keeps those whose process title says
// "parallel worker for PID n" where backend n serves `database`, and remembers each one's latest
// CPU ticks (user + system); "stop" answers with their sum. Idle between runs.
const SAMPLER = `
const { parentPort, workerData } = require("node:worker_threads");
const fs = require("node:fs");
const read = (path) => { try { return fs.readFileSync(path, "utf8"); } catch { return ""; } };
const ticks = (pid) => { const s = read("/proc/" + pid + "/stat"); if (!s) return -1; const f = s.slice(s.lastIndexOf(")") + 2).split(" "); return Number(f[11]) + Number(f[12]); };
const { postmaster, database } = workerData;
const isOurs = new Map();
let latest = new Map();
let timer = null;
const tick = () => {
  for (const pid of read("/proc/" + postmaster + "/task/" + postmaster + "/children").trim().split(/\\s+/).filter(Boolean)) {
    if (!isOurs.has(pid)) {
      const leader = /parallel worker for PID (\\d+)/.exec(read("/proc/" + pid + "/cmdline"));
      isOurs.set(pid, Boolean(leader) && read("/proc/" + leader[1] + "/cmdline").includes(" " + database + " "));
    }
    if (isOurs.get(pid)) { const t = ticks(pid); if (t >= 0) latest.set(pid, t); }
  }
};
parentPort.on("message", (message) => {
  if (message === "start") {
    latest = new Map();
    isOurs.clear();
    timer = setInterval(tick, 10);
    parentPort.postMessage(0);
  } else {
    clearInterval(timer);
    tick();
    parentPort.postMessage([...latest.values()].reduce((a, b) => a + b, 0));
  }
});
`;

/**
 * CPU time of the Postgres parallel workers that serve `database` between start() and stop()
 * (in ms; a worker's last 10 ms may be missed). Workers start and end inside a query, so a
 * before/after reading of the backends misses them; this samples them while they live.
 */
export function createParallelWorkerMeter(opts: { postmasterPid: number; database: string }) {
  const worker = new Worker(SAMPLER, { eval: true, workerData: { postmaster: opts.postmasterPid, database: opts.database } });
  const ask = (message: "start" | "stop") =>
    new Promise<number>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      worker.once("error", onError);
      worker.once("message", (ticks: number) => {
        worker.off("error", onError);
        resolve(ticks * 10);
      });
      worker.postMessage(message);
    });
  return { start: () => ask("start"), stop: () => ask("stop"), close: () => worker.terminate() };
}
