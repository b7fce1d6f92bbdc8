"use client";
import { useCallback, useRef, useState } from "react";
import type { TJudgmentInput } from "@/lib/assignment/schemas";
import { ApiError, postSkip } from "./annotate-api";
import { removeLocalDraft } from "./local-drafts";
import { toJudgmentInput, type TAssignment, type TJudgmentDraft } from "./judgment-draft";
import type { TSubmitState } from "./judgment-form";

export type TOutcome = { kind: "submitted" | "skipped" };

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, "network", "No connection to the server"));

// Submitting is idempotent: the key was made once for this assignment and kept in its draft,
// so a double press, a retry after a dropped connection or a second tab all store one judgment.
// The judgment goes to the outbox (sent in the background, kept until acknowledged) and the
// screen moves on at once; skipping waits for the server.
export function useSubmitJudgment(opts: {
  assignment: TAssignment;
  snapshot: () => TJudgmentDraft;
  enqueueJudgment: (assignmentId: string, input: TJudgmentInput) => void;
  onFinished: (outcome: TOutcome) => void;
}) {
  const { assignment, snapshot, enqueueJudgment, onFinished } = opts;
  const [state, setState] = useState<TSubmitState>({ status: "idle" });
  const isBusy = useRef(false);

  const submit = useCallback(() => {
    if (isBusy.current) return;
    isBusy.current = true;
    enqueueJudgment(assignment.id, toJudgmentInput(assignment, snapshot()));
    onFinished({ kind: "submitted" });
  }, [assignment, snapshot, enqueueJudgment, onFinished]);

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
