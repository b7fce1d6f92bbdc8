"use client";
import { useCallback, useMemo, useState } from "react";
import type { TJudgmentInput } from "@/lib/assignment/schemas";
import { useEditorRegistry } from "@/components/code/use-editor-registry";
import { toMonacoLanguage } from "@/components/code/monaco-language";
import type { TCodeComment } from "@/components/code/code-comments";
import { formFields } from "./form-fields";
import { missingFields, visibleAspects, type TAssignment } from "./judgment-draft";
import { JudgmentForm } from "./judgment-form";
import { PromptPanel } from "./prompt-panel";
import { PairView } from "./pair-view";
import { ResponsesGrid } from "./responses-grid";
import { ShortcutsOverlay } from "./shortcuts-overlay";
import { SkipDialog } from "./skip-dialog";
import { WorkspaceToolbar, type TViewPrefs } from "./workspace-toolbar";
import { ConnectionBanner } from "./connection-banner";
import type { TCommentTarget } from "./comment-composer";
import { useJudgmentDraft } from "./use-judgment-draft";
import { useActiveTime } from "./use-active-time";
import { useDraftAutosave } from "./use-draft-autosave";
import { useSubmitJudgment, type TOutcome } from "./use-submit-judgment";
import { useScreenKeys } from "./use-screen-keys";
import { useFillViewport } from "./use-viewport";

// One assignment on screen: the code, the form and everything the keyboard can do with them.
export function AssignmentScreen(props: {
  assignment: TAssignment;
  projectName: string;
  sessionCount: number;
  notice: string | null;
  // judgments still on their way from earlier items (the outbox), shown above the work
  outboxBanner: React.ReactNode;
  prefs: TViewPrefs;
  onPrefs: (prefs: TViewPrefs) => void;
  enqueueJudgment: (assignmentId: string, input: TJudgmentInput) => void;
  onFinished: (outcome: TOutcome) => void;
}) {
  const { assignment, prefs, onPrefs } = props;
  const state = useJudgmentDraft(assignment);
  const { draft } = state;
  const fields = useMemo(() => formFields(assignment), [assignment]);
  const [activeFieldId, setActiveFieldId] = useState<string | null>(fields[0]?.id ?? null);
  const [composer, setComposer] = useState<TCommentTarget | null>(null);
  const [overlay, setOverlay] = useState<"help" | "skip" | null>(null);
  const [hasTriedSubmit, setTriedSubmit] = useState(false);
  const [hint, setHint] = useState<string | null>(null);
  const activeSeconds = useActiveTime(draft.activeSeconds);
  const rootRef = useFillViewport<HTMLDivElement>();
  const isPairwise = assignment.mode === "pairwise";
  const registry = useEditorRegistry({ isScrollSynced: isPairwise && !prefs.isDiff });

  const [isSubmitting, setSubmitting] = useState(false);
  const autosave = useDraftAutosave({ assignmentId: assignment.id, draft, activeSeconds, isStopped: isSubmitting, hasServerCopy: state.hasServerCopy });
  const { onFinished, enqueueJudgment } = props;
  const submitter = useSubmitJudgment({ assignment, snapshot: autosave.snapshot, enqueueJudgment, onFinished });

  const missingList = hasTriedSubmit ? missingFields(assignment, draft) : [];
  const missing = new Set(missingList.map((m) => m.field));

  const activate = useCallback((fieldId: string, opts: { focus?: boolean } = {}) => {
    setActiveFieldId(fieldId);
    // after React has re-rendered: a ranking move changes which card carries the position's id
    setTimeout(() => {
      const element = document.getElementById(`field-${fieldId}`);
      if (opts.focus) element?.focus({ preventScroll: true });
      element?.scrollIntoView({ block: "nearest" });
    }, 0);
  }, []);

  const submit = useCallback(() => {
    setTriedSubmit(true);
    const needed = missingFields(assignment, draft);
    if (needed.length) {
      activate(needed[0].field, { focus: true });
      return;
    }
    // autosave stops: the server drops the draft once the judgment is stored
    setSubmitting(true);
    submitter.submit();
  }, [assignment, draft, activate, submitter]);

  const startComment = useCallback(() => {
    const selection = registry.currentSelection();
    if (!selection) {
      setHint("Select lines in a response first: press a or b to put the cursor there, then Shift+↓.");
      return;
    }
    const activeAspect = fields.find((f) => f.id === activeFieldId)?.aspectKey ?? null;
    setHint(null);
    setComposer({ ...selection, aspect: activeAspect });
  }, [registry, fields, activeFieldId]);

  const finishComment = useCallback(
    (slot: string | undefined) => {
      setComposer(null);
      if (slot) setTimeout(() => registry.restoreFocus(slot), 0);
    },
    [registry],
  );

  useScreenKeys({
    assignment, fields, activeFieldId, overlay, composer, state, registry, prefs, onPrefs, activate, submit, startComment,
    setOverlay, setHint, cancelComment: () => finishComment(composer?.slot),
  });

  const commentsBySlot = useMemo(() => {
    const map: Record<string, TCodeComment[]> = {};
    for (const c of draft.comments) (map[c.slot] ??= []).push(c);
    return map;
  }, [draft.comments]);
  const language = toMonacoLanguage(assignment.item.language);

  return (
    <div ref={rootRef} className="flex flex-col lg:h-[calc(100dvh-var(--workspace-top,47px))]" data-testid="workspace" data-assignment-id={assignment.id} data-mode={assignment.mode}>
      <WorkspaceToolbar projectName={props.projectName} projectId={assignment.projectId} mode={assignment.mode} sessionCount={props.sessionCount} saveState={autosave.saveState} prefs={prefs} onPrefs={onPrefs} onHelp={() => setOverlay("help")} />
      <ConnectionBanner saveState={autosave.saveState} submitState={submitter.submitState} notice={props.notice} hint={hint} outboxBanner={props.outboxBanner} onRetry={autosave.retryNow} onDismissHint={() => setHint(null)} />
      <div className="min-h-0 flex-1 lg:grid lg:grid-cols-[minmax(0,1fr)_390px]">
        <main className="min-w-0 space-y-3 overflow-y-auto p-3 lg:p-4">
          <PromptPanel prompt={assignment.item.prompt} language={assignment.item.language} instructions={assignment.instructions} isInstructionsOpen={prefs.isInstructionsOpen} onToggleInstructions={() => onPrefs({ ...prefs, isInstructionsOpen: !prefs.isInstructionsOpen })} />
          {isPairwise ? (
            <PairView language={language} responses={assignment.responses} isDiff={prefs.isDiff} isWrapped={prefs.isWrapped} commentsBySlot={commentsBySlot} onEditor={registry.onEditor} />
          ) : (
            <ResponsesGrid
              language={language}
              responses={assignment.responses}
              isWrapped={prefs.isWrapped}
              commentsBySlot={commentsBySlot}
              rankOf={assignment.mode === "ranking" ? (slot) => draft.ranking.indexOf(slot) + 1 : undefined}
              onEditor={registry.onEditor}
            />
          )}
        </main>
        <aside className="border-t border-slate-200 bg-white lg:overflow-y-auto lg:border-l lg:border-t-0" aria-label="Your judgment">
          <JudgmentForm
            assignment={assignment}
            draft={draft}
            fields={fields}
            activeFieldId={activeFieldId}
            missing={missing}
            composer={composer}
            submitState={submitter.submitState}
            onActivate={(id) => setActiveFieldId(id)}
            onSetField={state.setField}
            onToggleBothBad={state.toggleBothBad}
            onMoveRank={(from, to) => {
              state.moveRank(from, to);
              activate(`rank:${to}`, { focus: true });
            }}
            onRationale={state.setRationale}
            onSaveComment={(text, aspect) => {
              if (!composer) return;
              state.addComment({ slot: composer.slot, lineStart: composer.lineStart, lineEnd: composer.lineEnd, aspect: aspect && visibleAspects(assignment).some((a) => a.key === aspect) ? aspect : null, text });
              finishComment(composer.slot);
            }}
            onCancelComment={() => finishComment(composer?.slot)}
            onDeleteComment={state.deleteComment}
            onStartComment={startComment}
            onSubmit={submit}
            onSkip={() => setOverlay("skip")}
          />
        </aside>
      </div>
      {overlay === "help" && <ShortcutsOverlay mode={assignment.mode} onClose={() => setOverlay(null)} />}
      {overlay === "skip" && (
        <SkipDialog
          isPending={submitter.submitState.status === "pending"}
          onCancel={() => setOverlay(null)}
          onConfirm={(reason) => {
            setOverlay(null);
            void submitter.skip(reason);
          }}
        />
      )}
    </div>
  );
}
