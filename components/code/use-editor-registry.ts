"use client";
import { useCallback, useRef } from "react";
import type { editor, IDisposable } from "monaco-editor";
import { selectionLines, type TLineSelection } from "./code-comments";

export type TEditorEvent = (slot: string, instance: editor.IStandaloneCodeEditor | null) => void;
type TEntry = { instance: editor.IStandaloneCodeEditor; listeners: IDisposable[] };

// Knows every mounted response editor: which one the annotator last worked in and what lines are
// selected there (for `c`), and keeps the side-by-side panes scrolling together.
export function useEditorRegistry(opts: { isScrollSynced: boolean }) {
  const entries = useRef(new Map<string, TEntry>());
  const lastSlot = useRef<string | null>(null);
  const isSyncing = useRef(false);
  const isScrollSynced = useRef(opts.isScrollSynced);
  isScrollSynced.current = opts.isScrollSynced;

  const onEditor: TEditorEvent = useCallback((slot, instance) => {
    const previous = entries.current.get(slot);
    if (previous && previous.instance !== instance) {
      previous.listeners.forEach((l) => l.dispose());
      entries.current.delete(slot);
    }
    if (!instance || previous?.instance === instance) return;
    const listeners = [
      instance.onDidFocusEditorText(() => (lastSlot.current = slot)),
      instance.onDidScrollChange((event) => {
        if (!event.scrollTopChanged || isSyncing.current || !isScrollSynced.current) return;
        isSyncing.current = true;
        for (const [other, entry] of entries.current) if (other !== slot) entry.instance.setScrollTop(event.scrollTop);
        isSyncing.current = false;
      }),
      instance.onDidDispose(() => {
        if (entries.current.get(slot)?.instance === instance) entries.current.delete(slot);
      }),
    ];
    entries.current.set(slot, { instance, listeners });
  }, []);

  const focusSlot = useCallback((slot: string): boolean => {
    const entry = entries.current.get(slot);
    if (!entry) return false;
    entry.instance.focus();
    lastSlot.current = slot;
    return true;
  }, []);

  // The lines to comment on: the selection in the editor worked in last (the cursor line if nothing is selected).
  const currentSelection = useCallback((): ({ slot: string } & TLineSelection) | null => {
    const slot = lastSlot.current;
    const sel = slot ? entries.current.get(slot)?.instance.getSelection() : null;
    if (!slot || !sel) return null;
    return { slot, ...selectionLines(sel) };
  }, []);

  const restoreFocus = useCallback((slot: string) => entries.current.get(slot)?.instance.focus(), []);

  return { onEditor, focusSlot, currentSelection, restoreFocus };
}
