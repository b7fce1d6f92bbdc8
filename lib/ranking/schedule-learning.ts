import "server-only";
import { applyPendingJudgments } from "./apply-pending-judgments";

/**
 * How long a judgment waits for others to batch with before the learner runs. Each run costs a
 * few statements whatever its size: at 150 judgments/s, 50 ms made batches of ~6 and 0.65 ms of
 * Postgres per judgment. The candidate lists are up to 250 ms old anyway.
 */
const BATCH_DELAY_MS = Number(process.env.LEARNING_DELAY_MS ?? 200);
/** When another process holds the learner lock, look again after this long (its run may end before our entries committed). */
const BUSY_RETRY_MS = 250;
/** After a failed run (Postgres unreachable, say), try again after this long, not in a tight loop. */
const ERROR_RETRY_MS = 5000;
/** drainLearning gives up (and says so) after this long. */
const DRAIN_LIMIT_MS = 60_000;

// One learner loop per process, kept on globalThis so a module loaded twice (Next bundles, dev
// reloads) shares it.
type TState = { timer: NodeJS.Timeout | null; running: Promise<void> | null; isWanted: boolean; isPaused: boolean };
const globals = globalThis as unknown as { __learning?: TState };
const state: TState = (globals.__learning ??= { timer: null, running: null, isWanted: false, isPaused: false });

/**
 * Holds this process's scheduled runs (entries stay queued; drainLearning still runs): for a
 * test that must see judgments queued, or maintenance. Resuming runs what was asked for meanwhile.
 */
export function setLearningPaused(isPaused: boolean): void {
  state.isPaused = isPaused;
  if (!isPaused && state.isWanted) scheduleLearning();
}

/**
 * Asks for the learning queue to be folded in soon (after each queued judgment, and at server
 * start for entries a crash left). Judgments arriving within BATCH_DELAY_MS share one run.
 * Failures are logged; the entries stay queued for the next run.
 */
export function scheduleLearning(delayMs = BATCH_DELAY_MS): void {
  state.isWanted = true;
  if (state.timer || state.running || state.isPaused) return;
  state.timer = setTimeout(() => {
    state.timer = null;
    state.running = runUntilEmpty().finally(() => {
      state.running = null;
      if (state.isWanted) scheduleLearning();
    });
  }, delayMs);
  state.timer.unref?.();
}

async function runUntilEmpty(): Promise<void> {
  state.isWanted = false;
  try {
    for (;;) {
      const learned = await applyPendingJudgments();
      if (learned === null) {
        state.isWanted = false;
        scheduleLater(BUSY_RETRY_MS);
        return;
      }
      if (!learned.isMore) return;
    }
  } catch (error) {
    console.error("[learning] folding queued judgments failed (retrying in 5 s):", error instanceof Error ? error.message : error);
    state.isWanted = false;
    scheduleLater(ERROR_RETRY_MS);
  }
}

function scheduleLater(ms: number): void {
  setTimeout(() => scheduleLearning(0), ms).unref?.();
}

/** Folds everything queued now, waiting for a run in progress here or in another process (tests, benchmarks). */
export async function drainLearning(): Promise<void> {
  if (state.timer) {
    clearTimeout(state.timer);
    state.timer = null;
  }
  if (state.running) await state.running;
  const started = Date.now();
  for (;;) {
    const learned = await applyPendingJudgments();
    if (learned === null) {
      if (Date.now() - started > DRAIN_LIMIT_MS) throw new Error(`learning queue not drained: another process held the learner lock for ${DRAIN_LIMIT_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    if (!learned.isMore && learned.applied === 0) return;
  }
}
