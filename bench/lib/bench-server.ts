import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");
const START_SCRIPT = path.join(ROOT, "scripts/start.mjs");
export const BENCH_DIST_DIR = ".next-bench";
// code the measured requests run through: a build older than any of these is rebuilt
const SOURCES = ["lib/assignment", "lib/ranking", "lib/sampling", "lib/api", "lib/tokens", "lib/db", "lib/security", "lib/auth", "pages/api"];

function newestSourceMtime(sources: string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts")) newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  for (const dir of sources) walk(path.join(ROOT, dir));
  return newest;
}

// `next build` adds its dist folder's type globs to tsconfig.json; the bench takes its own back out.
function removeBenchGlobsFromTsconfig(distDir = BENCH_DIST_DIR) {
  const file = path.join(ROOT, "tsconfig.json");
  const config = JSON.parse(fs.readFileSync(file, "utf8")) as { include?: string[] };
  const include = config.include ?? [];
  const kept = include.filter((glob) => !glob.startsWith(`${distDir}/`));
  if (kept.length !== include.length) fs.writeFileSync(file, JSON.stringify({ ...config, include: kept }, null, 2) + "\n");
}

// `distDir` lets a second bench (bench/active-latency.ts) build and serve without touching this one's
// build; `sources` names the folders whose changes make a build stale (default: the API's code).
export function ensureBuild(opts: { env: NodeJS.ProcessEnv; force: boolean; log: (s: string) => void; distDir?: string; sources?: string[] }): { built: boolean; seconds: number } {
  const distDir = opts.distDir ?? BENCH_DIST_DIR;
  const buildId = path.join(ROOT, distDir, "BUILD_ID");
  const isStale = !fs.existsSync(buildId) || fs.statSync(buildId).mtimeMs < newestSourceMtime(opts.sources ?? SOURCES);
  if (!opts.force && !isStale) return { built: false, seconds: 0 };
  opts.log(`building into ${distDir} (a few minutes on 2 cores)`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: ROOT, env: { ...opts.env, NEXT_DIST_DIR: distDir }, encoding: "utf8" });
  removeBenchGlobsFromTsconfig(distDir);
  if (result.status !== 0) throw new Error(`next build failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
  return { built: true, seconds: (Date.now() - started) / 1000 };
}

export type TBenchServer = { url: string; pid: number; stop: () => Promise<void> };

/** `--workers N`: app worker processes (scripts/start.mjs); unset = what `npm start` runs by default. */
export function readWorkers(arg: (name: string, fallback: string) => string): number | undefined {
  const value = arg("workers", "");
  return value ? Number(value) : undefined;
}

// The server runs as `npm start` runs it (scripts/start.mjs: scripts/server.mjs in WEB_CONCURRENCY
// worker processes on one port); `workers` overrides the count. The pid is the primary's: CPU
// meters add up its children, the workers.
export async function startBenchServer(opts: { env: NodeJS.ProcessEnv; port: number; logFile: string; cpuProfileDir?: string; distDir?: string; workers?: number }): Promise<TBenchServer> {
  fs.mkdirSync(path.dirname(opts.logFile), { recursive: true });
  const log = fs.openSync(opts.logFile, "w");
  const profile = opts.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${opts.cpuProfileDir}`] : [];
  const workers = opts.workers ? { WEB_CONCURRENCY: String(opts.workers) } : {};
  const child: ChildProcess = spawn(process.execPath, [...profile, START_SCRIPT, "-p", String(opts.port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...opts.env, ...workers, NEXT_DIST_DIR: opts.distDir ?? BENCH_DIST_DIR, NODE_ENV: "production" },
    stdio: ["ignore", log, log],
  });
  const url = `http://127.0.0.1:${opts.port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGINT");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}; see ${opts.logFile}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return { url, pid: child.pid!, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`server did not become healthy in 60 s; see ${opts.logFile}`);
}
