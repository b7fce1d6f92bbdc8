"use client";
import { useState } from "react";
import Editor from "@monaco-editor/react";
import type { editor } from "monaco-editor";
import { useCommentDecorations, type TCodeComment } from "./code-comments";
import type { TEditorEvent } from "./use-editor-registry";

export const READ_ONLY_OPTIONS: editor.IStandaloneEditorConstructionOptions = {
  readOnly: true,
  domReadOnly: true,
  minimap: { enabled: false },
  lineNumbers: "on",
  glyphMargin: true,
  folding: false,
  scrollBeyondLastLine: false,
  renderLineHighlight: "none",
  fontSize: 13,
  lineHeight: 19,
  automaticLayout: true,
  contextmenu: false,
  scrollbar: { alwaysConsumeMouseWheel: false },
  stickyScroll: { enabled: false },
  occurrencesHighlight: "off",
  links: false, // URLs inside model-written code are not to be followed from here
};

// One candidate response, read-only, with its line comments drawn in.
export function CodePane(props: {
  slot: string;
  language: string;
  content: string;
  isWrapped: boolean;
  height: number | string;
  comments: TCodeComment[];
  onEditor: TEditorEvent;
  // panes that scroll together: the shorter one may scroll past its end so it can follow
  isScrollSynced?: boolean;
}) {
  const { slot, language, content, isWrapped, height, comments, onEditor, isScrollSynced = false } = props;
  const [instance, setInstance] = useState<editor.IStandaloneCodeEditor | null>(null);
  useCommentDecorations(instance, comments);
  return (
    <div data-testid={`code-pane-${slot}`} className="h-full">
      <Editor
        value={content}
        language={language}
        height={height}
        theme="vs"
        loading={<div className="p-3 text-sm text-slate-500">Loading code…</div>}
        options={{ ...READ_ONLY_OPTIONS, scrollBeyondLastLine: isScrollSynced, wordWrap: isWrapped ? "on" : "off", ariaLabel: `Response ${slot}` }}
        onMount={(ed) => {
          setInstance(ed);
          onEditor(slot, ed);
        }}
      />
    </div>
  );
}
