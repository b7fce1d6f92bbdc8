"use client";
import { useCallback, useRef, useState } from "react";
import { ApiError, backoffMs, postJudgment, postSkip } from "./annotate-api";
import { removeLocalDraft } from "./local-drafts";
import { toJudgmentInput, type TAssignment, type TJudgmentDraft } from "./judgment-draft";
import type { TSubmitState } from "./judgment-form";

export type TOutcome = { kind: "submitted" | "skipped" | "expired" | "gone"; message?: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, "network", "No connection to the server"));

// Submitting is idempotent: the key was made once for this assignment and kept in its draft,
// so a double press, a retry after a dropped connection or a second tab all store one judgment.
export function useSubmitJudgment(opts: { assignment: TAssignment; snapshot: () => TJudgmentDraft; onFinished: (outcome: TOutcome) => void }) {
  const { assignment, snapshot, onFinished } = opts;
  const [state, setState] = useState<TSubmitState>({ status: "idle" });
  const isBusy = useRef(false);

  const submit = useCallback(async () => {
    if (isBusy.current) return;
    isBusy.current = true;
    setState({ status: "pending", isRetrying: false });
    const input = toJudgmentInput(assignment, snapshot());
    for (let attempt = 0; ; attempt++) {
      try {
        await postJudgment(assignment.id, input);
        removeLocalDraft(assignment.id);
        onFinished({ kind: "submitted" });
        return;
      } catch (error) {
        const e = asApiError(error);
        if (e.isTransient) {
          setState({ status: "pending", isRetrying: true });
          await sleep(backoffMs(Math.min(attempt, 4)));
          continue;
        }
        isBusy.current = false;
        if (e.code === "assignment_expired") return onFinished({ kind: "expired", message: e.message });
        if (e.code === "already_done") {
          removeLocalDraft(assignment.id);
          return onFinished({ kind: "gone", message: "This item already has your judgment (sent from another tab or device)." });
        }
        if (e.status === 404 || e.code === "conflict") return onFinished({ kind: "gone", message: e.message });
        setState({ status: "error", message: e.message });
        return;
      }
    }
  }, [assignment, snapshot, onFinished]);

  const skip = useCallback(
    async (reason: string) => {
      if (isBusy.current) return;
      isBusy.current = true;
      setState({ status: "pending", isRetrying: false });
      try {
        await postSkip(assignment.id, reason || undefined);
        removeLocalDraft(assignment.id);
        onFinished({ kind: "skipped" });
      } catch (error) {
        isBusy.current = false;
        setState({ status: "error", message: `Could not skip: ${asApiError(error).message}` });
      }
    },
    [assignment, onFinished],
  );

  return { submitState: state, submit, skip, isBusy };
}
