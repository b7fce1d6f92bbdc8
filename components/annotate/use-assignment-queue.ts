"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { afterNextPaint } from "./after-next-paint";
import { ApiError, backoffMs, fetchNextAssignment } from "./annotate-api";
import type { TAssignment } from "./judgment-draft";

export type TQueueState = { status: "loading" } | { status: "ready"; current: TAssignment } | { status: "done" } | { status: "error"; message: string };

// undefined = the look-ahead failed; the switch then asks again instead of saying "all done"
type TLookAhead = { afterId: string; promise: Promise<TAssignment | null | undefined>; settled?: { value: TAssignment | null | undefined } };

const MIN_LEASE_LEFT_MS = 60_000;

const isFresh = (a: TAssignment | null | undefined): a is TAssignment => Boolean(a) && new Date(a!.expiresAt).getTime() - Date.now() >= MIN_LEASE_LEFT_MS;

// The current assignment plus the next one fetched ahead (`?exclude=<current>`), so moving on
// after a submit shows the next comparison at once: within the same input event when the
// look-ahead is in. The look-ahead starts after the new screen is painted and after the
// previous judgment is acknowledged (the server hands a caller's live lease back first, so an
// unacknowledged one is excluded too). `onPrefetched` may warm caches for it meanwhile.
export function useAssignmentQueue(opts: {
  projectId: string;
  unsentIds: () => string[];
  whenIdle: (timeoutMs: number) => Promise<void>;
  onPrefetched?: (next: TAssignment) => void;
}) {
  const { projectId, unsentIds, whenIdle, onPrefetched } = opts;
  const [state, setState] = useState<TQueueState>({ status: "loading" });
  const ahead = useRef<TLookAhead | null>(null);

  const fetchWithRetry = useCallback(
    async (exclude: string[]): Promise<TAssignment | null> => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await fetchNextAssignment(projectId, exclude);
        } catch (error) {
          if (!(error instanceof ApiError) || !error.isTransient || attempt >= 5) throw error;
          await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
        }
      }
    },
    [projectId],
  );

  const show = useCallback(
    (next: TAssignment | null) => {
      if (!next) return setState({ status: "done" });
      setState({ status: "ready", current: next });
      const lookAhead: TLookAhead = {
        afterId: next.id,
        promise: afterNextPaint()
          .then(() => whenIdle(5000))
          .then(() => fetchNextAssignment(projectId, [next.id, ...unsentIds()]))
          .catch(() => undefined)
          .then((value) => {
            lookAhead.settled = { value };
            if (value) onPrefetched?.(value);
            return value;
          }),
      };
      ahead.current = lookAhead;
    },
    [projectId, unsentIds, whenIdle, onPrefetched],
  );

  useEffect(() => {
    let live = true;
    fetchWithRetry(unsentIds()).then(
      (first) => live && show(first),
      (error: unknown) => live && setState({ status: "error", message: error instanceof Error ? error.message : "Could not load work" }),
    );
    return () => {
      live = false;
    };
  }, [fetchWithRetry, show, unsentIds]);

  const advance = useCallback(
    (finishedId: string) => {
      const pending = ahead.current?.afterId === finishedId ? ahead.current : null;
      ahead.current = null;
      if (pending?.settled && isFresh(pending.settled.value)) return show(pending.settled.value);
      void (async () => {
        let next = pending ? await pending.promise : undefined;
        if (!isFresh(next)) {
          setState({ status: "loading" });
          try {
            next = await fetchWithRetry([...new Set([finishedId, ...unsentIds()])]);
          } catch (error) {
            return setState({ status: "error", message: error instanceof Error ? error.message : "Could not load work" });
          }
        }
        show(next);
      })();
    },
    [fetchWithRetry, show, unsentIds],
  );

  return { state, advance };
}
