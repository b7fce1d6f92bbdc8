"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { TJudgmentInput } from "@/lib/assignment/schemas";
import { afterNextPaint } from "./after-next-paint";
import { ApiError, backoffMs, postJudgment } from "./annotate-api";
import { removeLocalDraft } from "./local-drafts";
import { readOutbox, removeOutboxEntry, writeOutboxEntry, type TOutboxEntry } from "./local-outbox";

export type TOutboxStatus = { status: "sending" } | { status: "retrying"; retryAt: number } | { status: "failed"; message: string };
export type TOutboxOutcome = { kind: "stored" | "expired" | "gone"; assignmentId: string; message?: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Submitted judgments travel in the background, so the next comparison shows at once. Each is
// kept (localStorage, then memory) until the server acknowledges it, and is sent again with the
// same idempotencyKey after a dropped connection, a 5xx or a reload: the server stores it once.
// A refusal that a retry cannot fix leaves it in the outbox and on screen until the annotator
// retries; the draft in this browser is only dropped once the judgment is stored.
export function useJudgmentOutbox(opts: { projectId: string; userId: string; onSettled: (outcome: TOutboxOutcome) => void }) {
  const { projectId, userId } = opts;
  const [statuses, setStatuses] = useState<Record<string, TOutboxStatus>>({});
  const entries = useRef(new Map<string, TOutboxEntry>());
  const waiters = useRef<Array<() => void>>([]);
  const inFlight = useRef(new Set<string>());
  const failed = useRef(new Set<string>());
  // queued or on its way: not yet stored, and not refused either
  const hasPending = useCallback(() => [...entries.current.keys()].some((id) => !failed.current.has(id)), []);
  const onSettled = useRef(opts.onSettled);
  onSettled.current = opts.onSettled;

  const setStatus = useCallback((assignmentId: string, status: TOutboxStatus | null) => {
    setStatuses((all) => {
      const { [assignmentId]: _dropped, ...rest } = all;
      return status ? { ...rest, [assignmentId]: status } : rest;
    });
  }, []);

  const settle = useCallback(
    (entry: TOutboxEntry, outcome: Omit<TOutboxOutcome, "assignmentId">) => {
      entries.current.delete(entry.assignmentId);
      failed.current.delete(entry.assignmentId);
      removeOutboxEntry(entry.assignmentId);
      if (outcome.kind === "stored") removeLocalDraft(entry.assignmentId);
      setStatus(entry.assignmentId, null);
      onSettled.current({ ...outcome, assignmentId: entry.assignmentId });
    },
    [setStatus],
  );

  const send = useCallback(
    async (entry: TOutboxEntry) => {
      if (inFlight.current.has(entry.assignmentId)) return;
      inFlight.current.add(entry.assignmentId);
      failed.current.delete(entry.assignmentId);
      setStatus(entry.assignmentId, { status: "sending" });
      try {
        for (let attempt = 0; ; attempt++) {
          try {
            await postJudgment(entry.assignmentId, entry.input);
            return settle(entry, { kind: "stored" });
          } catch (error) {
            const e = error instanceof ApiError ? error : new ApiError(0, "network", "No connection to the server");
            if (e.isTransient) {
              const wait = backoffMs(Math.min(attempt, 4));
              setStatus(entry.assignmentId, { status: "retrying", retryAt: Date.now() + wait });
              await sleep(wait);
              continue;
            }
            if (e.code === "assignment_expired") return settle(entry, { kind: "expired", message: e.message });
            if (e.code === "already_done") return settle(entry, { kind: "stored", message: "That item already had your judgment (sent from another tab or device)." });
            if (e.status === 404 || e.code === "conflict") return settle(entry, { kind: "gone", message: e.message });
            failed.current.add(entry.assignmentId);
            setStatus(entry.assignmentId, { status: "failed", message: e.message });
            return;
          }
        }
      } finally {
        inFlight.current.delete(entry.assignmentId);
        if (!hasPending()) waiters.current.splice(0).forEach((wake) => wake());
      }
    },
    [setStatus, settle, hasPending],
  );

  const enqueue = useCallback(
    (assignmentId: string, input: TJudgmentInput) => {
      if (entries.current.has(assignmentId)) return;
      const entry: TOutboxEntry = { assignmentId, projectId, userId, input, queuedAt: Date.now() };
      writeOutboxEntry(entry);
      entries.current.set(assignmentId, entry);
      setStatus(assignmentId, { status: "sending" });
      // safe in this browser already: the request waits until the next comparison is painted
      void afterNextPaint().then(() => send(entry));
    },
    [projectId, userId, send],
  );

  const retry = useCallback(() => {
    for (const entry of entries.current.values()) void send(entry);
  }, [send]);

  // judgments a previous page left unacknowledged go out first
  useEffect(() => {
    for (const entry of readOutbox({ projectId, userId })) {
      if (entries.current.has(entry.assignmentId)) continue;
      entries.current.set(entry.assignmentId, entry);
      void send(entry);
    }
  }, [projectId, userId, send]);

  // closing the tab with a judgment still on its way asks first (it would be sent on the next
  // visit); one the server refused is on screen already and stays in this browser
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (hasPending()) event.preventDefault();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [hasPending]);

  // Assignments whose judgment is not yet stored: still leased to this annotator, so `next` must
  // be told to pass over them.
  const unsentIds = useCallback(() => [...entries.current.keys()], []);

  // Resolves once nothing is being sent (stored, refused, or failed for good), or after `timeoutMs`.
  const whenIdle = useCallback(
    (timeoutMs: number) => {
      if (!hasPending()) return Promise.resolve();
      return new Promise<void>((resolve) => {
        waiters.current.push(resolve);
        setTimeout(resolve, timeoutMs);
      });
    },
    [hasPending],
  );

  return { statuses, enqueue, retry, unsentIds, whenIdle };
}
