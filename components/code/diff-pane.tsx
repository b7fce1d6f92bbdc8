"use client";
import { useState } from "react";
import { DiffEditor } from "@monaco-editor/react";
import type { editor } from "monaco-editor";
import { READ_ONLY_OPTIONS } from "./code-pane";
import { useCommentDecorations, type TCodeComment } from "./code-comments";
import type { TEditorEvent } from "./use-editor-registry";
import { summarizeLineChanges, type TDiffSummary } from "./summarize-line-changes";

// A against B with the diff computed in Monaco's editor worker; either side still takes line
// selections for comments.
export function DiffPane(props: {
  language: string;
  original: string;
  modified: string;
  isWrapped: boolean;
  isSideBySide: boolean;
  height: number | string;
  commentsA: TCodeComment[];
  commentsB: TCodeComment[];
  onEditor: TEditorEvent;
}) {
  const { language, original, modified, isWrapped, isSideBySide, height, onEditor } = props;
  const [sides, setSides] = useState<{ a: editor.ICodeEditor; b: editor.ICodeEditor } | null>(null);
  const [widget, setWidget] = useState<editor.IStandaloneDiffEditor | null>(null);
  const [summary, setSummary] = useState<TDiffSummary | null>(null);
  useCommentDecorations(sides?.a ?? null, props.commentsA);
  useCommentDecorations(sides?.b ?? null, props.commentsB);
  return (
    <div data-testid="diff-view" className="h-full">
      <DiffSummaryBar summary={summary} onGo={(target) => widget?.goToDiff(target)} />
      <DiffEditor
        original={original}
        modified={modified}
        language={language}
        height={height}
        theme="vs"
        // the wrapper would dispose the models before the widget (a known error on unmount); we do it after
        keepCurrentOriginalModel
        keepCurrentModifiedModel
        loading={<div className="p-3 text-sm text-slate-500">Computing diff…</div>}
        options={{
          ...READ_ONLY_OPTIONS,
          originalEditable: false,
          renderSideBySide: isSideBySide,
          useInlineViewWhenSpaceIsLimited: true,
          renderSideBySideInlineBreakpoint: 560,
          ignoreTrimWhitespace: false,
          renderOverviewRuler: false,
          wordWrap: isWrapped ? "on" : "off",
          diffWordWrap: isWrapped ? "on" : "off",
        }}
        onMount={(diff) => {
          const a = diff.getOriginalEditor();
          const b = diff.getModifiedEditor();
          setSides({ a, b });
          setWidget(diff);
          diff.onDidUpdateDiff(() => setSummary(summarizeLineChanges(diff.getLineChanges())));
          const models = diff.getModel();
          diff.onDidDispose(() => {
            models?.original.dispose();
            models?.modified.dispose();
          });
          onEditor("A", a);
          onEditor("B", b);
        }}
      />
    </div>
  );
}

function DiffSummaryBar({ summary, onGo }: { summary: TDiffSummary | null; onGo: (target: "previous" | "next") => void }) {
  const button = "rounded border border-slate-200 px-2 py-0.5 text-slate-600 hover:bg-slate-100 disabled:opacity-40";
  const hasChanges = (summary?.regions ?? 0) > 0;
  return (
    <div data-testid="diff-summary" data-state={summary ? "ready" : "computing"} data-regions={summary?.regions ?? ""} className="flex items-center gap-2 border-b border-slate-200 px-3 py-1 text-xs text-slate-600" aria-live="polite">
      {!summary ? (
        <span>Computing diff…</span>
      ) : hasChanges ? (
        <span>
          {summary.regions} changed {summary.regions === 1 ? "region" : "regions"} · <span className="text-green-700">+{summary.added}</span> <span className="text-red-700">−{summary.removed}</span> lines
        </span>
      ) : (
        <span>The two responses are identical.</span>
      )}
      <button type="button" className={`ml-auto ${button}`} disabled={!hasChanges} onClick={() => onGo("previous")} aria-label="Previous change">↑ Previous</button>
      <button type="button" className={button} disabled={!hasChanges} onClick={() => onGo("next")} aria-label="Next change">↓ Next</button>
    </div>
  );
}
