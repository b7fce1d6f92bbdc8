"use client";
import { useCallback, useEffect, useState } from "react";
import Link from "next/link";
import { useMonacoReady } from "@/components/code/use-monaco-ready";
import { AssignmentScreen } from "./assignment-screen";
import { useAssignmentQueue } from "./use-assignment-queue";
import { pruneLocalDrafts } from "./local-drafts";
import type { TViewPrefs } from "./workspace-toolbar";
import type { TOutcome } from "./use-submit-judgment";

const PREFS_KEY = "codejudge:view";
const DEFAULT_PREFS: TViewPrefs = { isDiff: false, isWrapped: false, isInstructionsOpen: false };

const NOTICES: Record<TOutcome["kind"], string | null> = {
  submitted: null,
  skipped: "Skipped. Here is the next one.",
  expired: "Your reservation of the last item expired before it was submitted, so it went back to the pool. Your notes are kept in this browser and come back if the item is offered to you again.",
  gone: null,
};

function StateMessage({ title, children, testId }: { title: string; children: React.ReactNode; testId: string }) {
  return (
    <div className="mx-auto mt-16 max-w-lg rounded-lg border border-slate-200 bg-white p-8 text-center" data-testid={testId}>
      <h1 className="text-lg font-semibold">{title}</h1>
      <div className="mt-2 text-sm text-slate-600">{children}</div>
    </div>
  );
}

// The annotator's work loop for one project: fetch, judge, submit, next.
export function AnnotationWorkspace({ projectId, projectName }: { projectId: string; projectName: string }) {
  const { state, advance } = useAssignmentQueue(projectId);
  const monaco = useMonacoReady();
  const [prefs, setPrefs] = useState<TViewPrefs>(DEFAULT_PREFS);
  const [sessionCount, setSessionCount] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    pruneLocalDrafts();
    try {
      setPrefs({ ...DEFAULT_PREFS, ...(JSON.parse(window.localStorage.getItem(PREFS_KEY) ?? "{}") as Partial<TViewPrefs>) });
    } catch {}
  }, []);
  const changePrefs = useCallback((next: TViewPrefs) => {
    setPrefs(next);
    try {
      window.localStorage.setItem(PREFS_KEY, JSON.stringify(next));
    } catch {}
  }, []);

  const current = state.status === "ready" ? state.current : null;
  const onFinished = useCallback(
    (outcome: TOutcome) => {
      if (!current) return;
      if (outcome.kind === "submitted") setSessionCount((n) => n + 1);
      setNotice(outcome.message && outcome.kind === "gone" ? outcome.message : NOTICES[outcome.kind]);
      void advance(current.id);
    },
    [advance, current],
  );

  if (state.status === "error") {
    return (
      <StateMessage title="Could not load your next item" testId="workspace-error">
        <p>{state.message}</p>
        <button type="button" onClick={() => window.location.reload()} className="mt-4 rounded bg-slate-900 px-3 py-1.5 text-sm text-white">Try again</button>
      </StateMessage>
    );
  }
  if (state.status === "done") {
    return (
      <StateMessage title="All done — thank you!" testId="all-done">
        <p>There is nothing left for you in <strong>{projectName}</strong> right now{sessionCount > 0 ? `; you judged ${sessionCount} this session` : ""}.</p>
        <p className="mt-4 flex justify-center gap-3">
          <Link href={`/annotate/${projectId}/history`} className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-50">My judgments</Link>
          <Link href="/annotate" className="rounded bg-slate-900 px-3 py-1.5 text-white hover:bg-slate-700">Other projects</Link>
        </p>
      </StateMessage>
    );
  }
  if (monaco.error) return <StateMessage title="The code viewer failed to load" testId="workspace-error"><p>{monaco.error}</p></StateMessage>;
  if (!current || !monaco.isReady) {
    return <div className="p-8 text-center text-sm text-slate-500" data-testid="workspace-loading">Loading your next item…</div>;
  }
  return (
    <AssignmentScreen key={current.id} assignment={current} projectName={projectName} sessionCount={sessionCount} notice={notice} prefs={prefs} onPrefs={changePrefs} onFinished={onFinished} />
  );
}
