"use client";
import type { editor } from "monaco-editor";
import { monacoApi } from "./use-monaco-ready";

type TPooledEditor = { container: HTMLDivElement; instance: editor.IStandaloneCodeEditor; width: number };

// One read-only Monaco editor per response slot, kept across assignments: moving on to the next
// comparison puts the new text into the editor's model instead of building and tearing down
// whole editors, which was most of the time between a submit and the next comparison on screen.
const pool = new Map<string, TPooledEditor>();
const inUse = new Set<string>();

export function acquireEditor(slot: string, options: editor.IStandaloneEditorConstructionOptions): TPooledEditor {
  if (inUse.has(slot)) throw new Error(`editor ${slot} is already on screen`);
  let pooled = pool.get(slot);
  if (!pooled) {
    const container = document.createElement("div");
    container.style.width = "100%";
    container.style.height = "100%";
    const created: TPooledEditor = { container, instance: monacoApi().editor.create(container, { ...options, model: null }), width: 0 };
    // the last width it had on the page (off the page it reports 0, which is not kept)
    created.instance.onDidLayoutChange((info) => {
      if (info.width > 0) created.width = info.width;
    });
    pool.set(slot, created);
    pooled = created;
  }
  inUse.add(slot);
  return pooled;
}

// The editor leaves the page but lives on, model and all, for the next assignment.
export function releaseEditor(slot: string): void {
  inUse.delete(slot);
  pool.get(slot)?.container.remove();
}

// When the annotator leaves the workspace.
export function disposeEditorPool(): void {
  for (const [slot, pooled] of pool) {
    if (inUse.has(slot)) continue;
    pooled.instance.getModel()?.dispose();
    pooled.instance.dispose();
    pool.delete(slot);
  }
}

// Sizes the editor for its pane. Reading the pane's width would force a layout of the whole new
// screen in the middle of the swap, so the width from the editor's last use is taken (panes keep
// their width from one assignment to the next; automaticLayout corrects it if the window
// changed) and Monaco draws in its next animation frame, with the rest of the screen.
export function fitEditor(pooled: TPooledEditor, height: number | string): void {
  if (pooled.width > 0 && typeof height === "number") {
    pooled.instance.layout({ width: pooled.width, height }, true);
  } else {
    pooled.instance.layout();
  }
}

// The next response goes into the same model: setModel would rebuild the editor's whole view.
// Scroll and cursor go back to the top, as for a new editor.
export function showContent(instance: editor.IStandaloneCodeEditor, content: string, language: string): void {
  const api = monacoApi();
  const model = instance.getModel();
  if (!model) {
    instance.setModel(api.editor.createModel(content, language));
    return;
  }
  if (model.getLanguageId() !== language) api.editor.setModelLanguage(model, language);
  if (model.getValue() === content) return;
  model.setValue(content);
  instance.setScrollPosition({ scrollTop: 0, scrollLeft: 0 }, api.editor.ScrollType.Immediate);
  instance.setPosition({ lineNumber: 1, column: 1 });
}
