"use client";
import { useLayoutEffect, useRef, useState } from "react";
import type { editor } from "monaco-editor";
import { acquireEditor, fitEditor, releaseEditor, showContent } from "./editor-pool";
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

// One candidate response, read-only, with its line comments drawn in. The editor comes from the
// pool (editor-pool.ts) and is handed back on unmount, so the next assignment reuses it.
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
  const host = useRef<HTMLDivElement>(null);
  const [pooled, setPooled] = useState<ReturnType<typeof acquireEditor> | null>(null);
  const instance = pooled?.instance ?? null;
  const options = { ...READ_ONLY_OPTIONS, scrollBeyondLastLine: isScrollSynced, wordWrap: isWrapped ? "on" : "off", ariaLabel: `Response ${slot}` } as const;

  // layout effects: the editor moves in, gets its text and its size before the browser paints
  useLayoutEffect(() => {
    const acquired = acquireEditor(slot, options);
    host.current?.appendChild(acquired.container);
    setPooled(acquired);
    onEditor(slot, acquired.instance);
    return () => {
      onEditor(slot, null);
      releaseEditor(slot);
    };
    // the editor changes only with the slot; options and text follow in the effect below
  }, [slot, onEditor]);
  useLayoutEffect(() => {
    if (!pooled) return;
    pooled.instance.updateOptions(options);
    showContent(pooled.instance, content, language);
    fitEditor(pooled, height);
  }, [pooled, content, language, isWrapped, isScrollSynced, height]);
  useCommentDecorations(instance, comments);
  return <div data-testid={`code-pane-${slot}`} ref={host} style={{ height }} />;
}
