"use client";
import { useCallback, useEffect, useState } from "react";
import Link from "next/link";
import { disposeEditorPool } from "@/components/code/editor-pool";
import { loadMonaco, useMonacoReady } from "@/components/code/use-monaco-ready";
import { AssignmentScreen } from "./assignment-screen";
import { prepareMarkdown } from "./markdown-view";
import { OutboxBanner } from "./outbox-banner";
import { useAssignmentQueue } from "./use-assignment-queue";
import { useJudgmentOutbox, type TOutboxOutcome } from "./use-judgment-outbox";
import { pruneLocalDrafts } from "./local-drafts";
import type { TViewPrefs } from "./workspace-toolbar";
import type { TAssignment } from "./judgment-draft";
import type { TOutcome } from "./use-submit-judgment";

// The code viewer is the page's biggest download: it is asked for as soon as this module runs in
// the browser, alongside hydration, not from an effect afterwards (useMonacoReady reports errors).
if (typeof window !== "undefined") loadMonaco().catch(() => {});

const PREFS_KEY = "codejudge:view";
const DEFAULT_PREFS: TViewPrefs = { isDiff: false, isWrapped: false, isInstructionsOpen: false };

const NOTICES: Record<TOutcome["kind"], string | null> = { submitted: null, skipped: "Skipped. Here is the next one." };
const EXPIRED_NOTICE =
  "Your reservation of the last item expired before it was submitted, so it went back to the pool. Your notes are kept in this browser and come back if the item is offered to you again.";

function StateMessage({ title, children, testId }: { title: string; children: React.ReactNode; testId: string }) {
  return (
    <div className="mx-auto mt-16 max-w-lg rounded-lg border border-slate-200 bg-white p-8 text-center" data-testid={testId}>
      <h1 className="text-lg font-semibold">{title}</h1>
      <div className="mt-2 text-sm text-slate-600">{children}</div>
    </div>
  );
}

// the look-ahead's prompt is parsed while the annotator works on the current one
const prepareNext = (next: TAssignment) => void prepareMarkdown(next.item.prompt);

// The annotator's work loop for one project: fetch, judge, submit, next.
export function AnnotationWorkspace({ projectId, projectName, userId }: { projectId: string; projectName: string; userId: string }) {
  const [notice, setNotice] = useState<string | null>(null);
  const onSettled = useCallback((outcome: TOutboxOutcome) => {
    if (outcome.kind === "expired") setNotice(EXPIRED_NOTICE);
    else if (outcome.message) setNotice(outcome.message);
  }, []);
  // the outbox comes first: its effect re-sends what a previous page left before the queue asks for work
  const outbox = useJudgmentOutbox({ projectId, userId, onSettled });
  const { state, advance } = useAssignmentQueue({ projectId, unsentIds: outbox.unsentIds, whenIdle: outbox.whenIdle, onPrefetched: prepareNext });
  const monaco = useMonacoReady();
  const [prefs, setPrefs] = useState<TViewPrefs>(DEFAULT_PREFS);
  const [sessionCount, setSessionCount] = useState(0);
  const outboxBanner = <OutboxBanner statuses={outbox.statuses} onRetry={outbox.retry} />;
  const unsent = Object.keys(outbox.statuses).length;

  useEffect(() => disposeEditorPool, []);
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
      setNotice(NOTICES[outcome.kind]);
      advance(current.id);
    },
    [advance, current],
  );

  const screen = (() => {
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
    return null;
  })();
  // data-unsent: judgments not yet acknowledged by the server (tests wait on it)
  return (
    <div data-testid="annotation-workspace" data-unsent={unsent}>
      {screen ? (
        <>
          {outboxBanner}
          {screen}
        </>
      ) : (
        current && (
          <AssignmentScreen
            key={current.id}
            assignment={current}
            projectName={projectName}
            sessionCount={sessionCount}
            notice={notice}
            outboxBanner={outboxBanner}
            prefs={prefs}
            onPrefs={changePrefs}
            enqueueJudgment={outbox.enqueue}
            onFinished={onFinished}
          />
        )
      )}
    </div>
  );
}
