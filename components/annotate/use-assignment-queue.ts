"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, backoffMs, fetchNextAssignment } from "./annotate-api";
import type { TAssignment } from "./judgment-draft";

export type TQueueState = { status: "loading" } | { status: "ready"; current: TAssignment } | { status: "done" } | { status: "error"; message: string };

const MIN_LEASE_LEFT_MS = 60_000;

// The current assignment plus the next one fetched ahead (`?exclude=<current>`), so moving on
// after a submit shows the next comparison at once.
export function useAssignmentQueue(projectId: string) {
  const [state, setState] = useState<TQueueState>({ status: "loading" });
  const ahead = useRef<{ afterId: string; promise: Promise<TAssignment | null | undefined> } | null>(null);

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
      // undefined = the look-ahead failed; the switch then asks again instead of saying "all done"
      ahead.current = { afterId: next.id, promise: fetchNextAssignment(projectId, [next.id]).catch(() => undefined) };
    },
    [projectId],
  );

  useEffect(() => {
    let live = true;
    fetchWithRetry([]).then(
      (first) => live && show(first),
      (error: unknown) => live && setState({ status: "error", message: error instanceof Error ? error.message : "Could not load work" }),
    );
    return () => {
      live = false;
    };
  }, [fetchWithRetry, show]);

  const advance = useCallback(
    async (finishedId: string) => {
      const pending = ahead.current?.afterId === finishedId ? ahead.current.promise : null;
      ahead.current = null;
      let next = pending ? await pending : undefined;
      if (next && new Date(next.expiresAt).getTime() - Date.now() < MIN_LEASE_LEFT_MS) next = undefined;
      if (!next) {
        setState({ status: "loading" });
        try {
          next = await fetchWithRetry([finishedId]);
        } catch (error) {
          return setState({ status: "error", message: error instanceof Error ? error.message : "Could not load work" });
        }
      }
      show(next);
    },
    [fetchWithRetry, show],
  );

  return { state, advance };
}
