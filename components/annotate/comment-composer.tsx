"use client";
import { useState } from "react";
import type { TAspect } from "./judgment-draft";
import { SlotBadge } from "./slot-style";

export type TCommentTarget = { slot: string; lineStart: number; lineEnd: number; aspect: string | null };

// Opened by `c` on a selection: Enter saves, Shift+Enter starts a new line, Esc cancels.
export function CommentComposer(props: { target: TCommentTarget; aspects: TAspect[]; onSave: (text: string, aspect: string | null) => void; onCancel: () => void }) {
  const { target, aspects, onSave, onCancel } = props;
  const [text, setText] = useState("");
  const [aspect, setAspect] = useState<string | null>(target.aspect);
  const save = () => text.trim() && onSave(text.trim(), aspect);
  const lines = target.lineStart === target.lineEnd ? `line ${target.lineStart}` : `lines ${target.lineStart}–${target.lineEnd}`;
  return (
    <div data-testid="comment-composer" className="rounded-md border border-amber-300 bg-amber-50 p-3" onKeyDown={(e) => e.key === "Escape" && (e.preventDefault(), e.stopPropagation(), onCancel())}>
      <div className="mb-2 flex items-center gap-2 text-xs font-medium text-amber-900">
        <span>Comment on</span> <SlotBadge slot={target.slot} /> <span>{lines}</span>
        {aspects.length > 0 && (
          <label className="ml-auto flex items-center gap-1 font-normal">
            <span className="sr-only">Aspect</span>
            <select value={aspect ?? ""} onChange={(e) => setAspect(e.target.value || null)} className="rounded border border-amber-300 bg-white px-1 py-0.5 text-xs" aria-label="Aspect">
              <option value="">no aspect</option>
              {aspects.map((a) => (
                <option key={a.key} value={a.key}>{a.label}</option>
              ))}
            </select>
          </label>
        )}
      </div>
      <textarea
        autoFocus
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey && !e.ctrlKey && !e.metaKey) {
            e.preventDefault();
            save();
          }
        }}
        rows={3}
        maxLength={5000}
        aria-label="Comment text"
        placeholder="What is wrong or notable in these lines?"
        className="w-full resize-y rounded border border-amber-300 bg-white px-2 py-1.5 text-sm outline-none focus:ring-2 focus:ring-amber-400"
      />
      <div className="mt-1.5 flex items-center gap-2">
        <span className="text-[11px] text-amber-900/80">Enter saves · Shift+Enter new line · Esc cancels</span>
        <button type="button" onClick={onCancel} className="ml-auto rounded px-2 py-1 text-xs text-amber-900 hover:bg-amber-100">Cancel</button>
        <button type="button" onClick={save} disabled={!text.trim()} className="whitespace-nowrap rounded bg-amber-600 px-2 py-1 text-xs font-medium text-white hover:bg-amber-700 disabled:opacity-50">Add</button>
      </div>
    </div>
  );
}
