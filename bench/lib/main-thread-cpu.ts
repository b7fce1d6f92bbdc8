import type { Browser, Page } from "@playwright/test";

type TTraceEvent = { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { name?: string; data?: { type?: string } } };

// CPU time of the page's main thread (the thread time of its tasks, from a Chrome trace) from an
// input event's dispatch until `windowMs` later: the work a swap costs, which wall time on a
// shared 2-core machine only shows through whatever else is running.
export async function traceMainThread(browser: Browser, page: Page) {
  await browser.startTracing(page, { categories: ["toplevel", "devtools.timeline"] });
  return async (opts: { inputType: "keydown" | "click"; windowMs: number }): Promise<number> => {
    const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TTraceEvent[] };
    const input = traceEvents.find((e) => e.name === "EventDispatch" && e.args?.data?.type === opts.inputType);
    if (!input) return NaN;
    const end = input.ts + opts.windowMs * 1000;
    const tasks = traceEvents.filter(
      (e) => e.pid === input.pid && e.tid === input.tid && e.ph === "X" && (e.name === "ThreadControllerImpl::RunTask" || e.name === "RunTask") && e.ts < end && e.ts + (e.dur ?? 0) > input.ts,
    );
    return Math.round(tasks.reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 10) / 100;
  };
}
