"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, backoffMs, putDraft } from "./annotate-api";
import { writeLocalDraft } from "./local-drafts";
import type { TJudgmentDraft } from "./judgment-draft";

export type TSaveState =
  | { status: "idle" }
  | { status: "saving" }
  | { status: "saved"; at: number }
  | { status: "offline"; retryAt: number }
  | { status: "closed"; message: string }
  | { status: "error"; message: string };

const DEBOUNCE_MS = 800;
const HEARTBEAT_MS = 120_000;

// Every change goes to localStorage at once and to the server (PUT …/draft, which also renews
// the lease) after a pause in typing. A failed save keeps the draft and retries with backoff.
export function useDraftAutosave(opts: { assignmentId: string; draft: TJudgmentDraft; activeSeconds: React.RefObject<number>; isStopped: boolean; hasServerCopy: boolean }) {
  const { assignmentId, draft, activeSeconds, isStopped } = opts;
  const [state, setState] = useState<TSaveState>(opts.hasServerCopy ? { status: "saved", at: draft.updatedAt } : { status: "idle" });
  const latest = useRef(draft);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const attempt = useRef(0);
  const isInFlight = useRef(false);
  const isDirty = useRef(false);
  const isStoppedRef = useRef(isStopped);
  isStoppedRef.current = isStopped;
  const lastSentSeconds = useRef(draft.activeSeconds);

  const snapshot = useCallback(() => ({ ...latest.current, activeSeconds: Math.round(activeSeconds.current ?? 0) }), [activeSeconds]);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (isStoppedRef.current) return;
    if (isInFlight.current) {
      isDirty.current = true;
      return;
    }
    isInFlight.current = true;
    isDirty.current = false;
    setState({ status: "saving" });
    const body = snapshot();
    try {
      await putDraft(assignmentId, body);
      attempt.current = 0;
      lastSentSeconds.current = body.activeSeconds;
      setState({ status: "saved", at: Date.now() });
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError(0, "network", "No connection");
      if (e.isTransient) {
        const wait = backoffMs(attempt.current++);
        setState({ status: "offline", retryAt: Date.now() + wait });
        timer.current = setTimeout(() => void flush(), wait);
      } else if (e.status === 409) {
        setState({ status: "closed", message: e.message });
      } else {
        setState({ status: "error", message: e.message });
      }
    } finally {
      isInFlight.current = false;
    }
    if (isDirty.current && !timer.current) void flush();
  }, [assignmentId, snapshot]);

  useEffect(() => {
    latest.current = draft;
    if (draft.updatedAt === 0) return; // untouched: nothing to keep yet
    writeLocalDraft(assignmentId, snapshot());
    if (isStoppedRef.current) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
  }, [assignmentId, draft, flush, snapshot]);

  // While the annotator keeps working without changing the form, the lease is still renewed.
  useEffect(() => {
    const beat = setInterval(() => {
      if ((activeSeconds.current ?? 0) - lastSentSeconds.current >= 30 && !isStoppedRef.current) {
        writeLocalDraft(assignmentId, snapshot());
        void flush();
      }
    }, HEARTBEAT_MS);
    const onOnline = () => void flush();
    window.addEventListener("online", onOnline);
    return () => {
      clearInterval(beat);
      window.removeEventListener("online", onOnline);
    };
  }, [assignmentId, activeSeconds, flush, snapshot]);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const retryNow = useCallback(() => void flush(), [flush]);
  return { saveState: state, retryNow, snapshot };
}
