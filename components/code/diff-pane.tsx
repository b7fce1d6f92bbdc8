"use client";
import { useState } from "react";
import { DiffEditor } from "@monaco-editor/react";
import type { editor } from "monaco-editor";
import { READ_ONLY_OPTIONS } from "./code-pane";
import { useCommentDecorations, type TCodeComment } from "./code-comments";
import type { TEditorEvent } from "./use-editor-registry";

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
  useCommentDecorations(sides?.a ?? null, props.commentsA);
  useCommentDecorations(sides?.b ?? null, props.commentsB);
  return (
    <div data-testid="diff-view" className="h-full">
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
