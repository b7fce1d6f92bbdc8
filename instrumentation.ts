// Next.js calls register() once when a server process starts. Priors refreshes left pending by a
// crash or a restart (lib/ranking/run-priors-refresh.ts), and queued judgments not yet learned
// from, are resumed here, in the background.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build" || !process.env.DATABASE_URL) return;
  // every pooled connection opened now, not when the first burst of requests needs it
  const { fillPool } = await import("./lib/db/client");
  if (process.env.DB_POOL_FILL !== "0") await fillPool().catch((error: unknown) => console.error("[db] could not open the pool:", error instanceof Error ? error.message : error));
  const { resumePendingRefreshes } = await import("./lib/ranking/resume-pending-refreshes");
  // judgments a crash or a restart left in the learning queue (lib/ranking/schedule-learning.ts)
  const { scheduleLearning } = await import("./lib/ranking/schedule-learning");
  scheduleLearning();
  resumePendingRefreshes()
    .then((projects) => projects.length && console.log(`[priors] resuming ${projects.length} pending refresh(es)`))
    .catch((error: unknown) => console.error("[priors] could not resume pending refreshes:", error instanceof Error ? error.message : error));
}
