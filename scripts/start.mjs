// `npm start`: the production server (scripts/server.mjs: Next's request handler, with the Pages
// API routes dispatched directly) in WEB_CONCURRENCY worker processes sharing one port (Node's
// cluster module hands connections round-robin). The app keeps no state in
// memory that matters across requests (leases, drafts, rate limits live in Postgres), so workers
// need no coordination; a worker that dies is replaced. Arguments go to each worker (-p, -H, as
// for `next start`). WEB_CONCURRENCY=1 runs one worker.
import cluster from "node:cluster";
import os from "node:os";
import { fileURLToPath } from "node:url";

const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? Math.min(os.availableParallelism(), 4)));

if (cluster.isPrimary) {
  // A larger young generation: request garbage dies there instead of being promoted, so the
  // old-generation collections that pause a worker for tens of milliseconds come far less often.
  const execArgv = [...process.execArgv, ...(process.execArgv.some((a) => a.startsWith("--max-semi-space-size")) ? [] : ["--max-semi-space-size=64"])];
  cluster.setupPrimary({ exec: fileURLToPath(new URL("./server.mjs", import.meta.url)), args: process.argv.slice(2), execArgv });
  let isStopping = false;
  const started = Date.now();
  for (let i = 0; i < workers; i++) cluster.fork();
  let running = workers;
  cluster.on("exit", (worker, code, signal) => {
    running--;
    if (isStopping) {
      if (running === 0) process.exit(0);
      return;
    }
    console.error(`[start] worker ${worker.process.pid} exited (${signal ?? code})`);
    // a worker that cannot even start (bad build, port taken) would otherwise be respawned forever
    if (Date.now() - started < 10_000) process.exit(1);
    cluster.fork();
    running++;
  });
  const stop = (signal) => {
    if (isStopping) return;
    isStopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  console.log(`[start] ${workers} worker process(es)`);
}
