import "server-only";
import { runPriorsRefresh, type TRunOutcome } from "./run-priors-refresh";

// One chain of runs per project in this process, so runs here never compete for the lock; a run
// scheduled behind another usually finds nothing left (the first went round again). Kept on
// globalThis so a module loaded twice (Next bundles, dev reloads) shares it.
const globals = globalThis as unknown as { __priorRefreshRuns?: Map<string, Promise<unknown>> };
const runs: Map<string, Promise<unknown>> = (globals.__priorRefreshRuns ??= new Map());

function enqueue(projectId: string, opts: { wait: boolean }): Promise<TRunOutcome> {
  const run = (runs.get(projectId) ?? Promise.resolve()).then(() => runPriorsRefresh({ projectId, wait: opts.wait }));
  const settled = run.catch(() => undefined);
  runs.set(projectId, settled);
  void settled.then(() => {
    if (runs.get(projectId) === settled) runs.delete(projectId);
  });
  return run;
}

/**
 * Refreshes the project's priors in the background, after the request that asked for it
 * (requestPriorsRefresh) has committed and returned. Failures are logged and recorded on the
 * project (status failed, still pending), never thrown at the caller.
 */
export function schedulePriorsRefresh(projectId: string): void {
  enqueue(projectId, { wait: false }).catch((error: unknown) => console.error(`[priors] refresh of project ${projectId} failed:`, error));
}

/** Runs the refresh now and waits for it, also behind another process's run (the refit button). */
export function runPriorsRefreshNow(projectId: string): Promise<TRunOutcome> {
  return enqueue(projectId, { wait: true });
}

/** Resolves once every refresh scheduled in this process for the project has ended (tests, benchmarks). */
export async function awaitPriorsRefresh(projectId: string): Promise<void> {
  for (let run = runs.get(projectId); run; run = runs.get(projectId)) await run;
}
