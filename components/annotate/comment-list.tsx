"use client";
import type { TAspect, TDraftComment } from "./judgment-draft";
import { SlotBadge } from "./slot-style";

export function CommentList({ comments, aspects, onDelete }: { comments: TDraftComment[]; aspects: TAspect[]; onDelete: (id: string) => void }) {
  if (!comments.length) return null;
  const labelOf = (key: string | null) => aspects.find((a) => a.key === key)?.label ?? key;
  return (
    <ul className="space-y-1.5" data-testid="comment-list">
      {comments.map((c) => (
        <li key={c.id} className="group flex items-start gap-2 rounded-md border border-slate-200 bg-white px-2 py-1.5 text-sm">
          <span className="mt-1 h-4 w-1 shrink-0 rounded bg-amber-500" aria-hidden />
          <div className="min-w-0 flex-1">
            <div className="flex items-center gap-1.5 text-[11px] text-slate-500">
              <SlotBadge slot={c.slot} className="h-4 min-w-4 text-[10px]" />
              <span className="tabular-nums">{c.lineStart === c.lineEnd ? `L${c.lineStart}` : `L${c.lineStart}–${c.lineEnd}`}</span>
              {c.aspect && <span className="rounded bg-slate-100 px-1 text-slate-600">{labelOf(c.aspect)}</span>}
            </div>
            <p className="whitespace-pre-wrap break-words text-slate-800">{c.text}</p>
          </div>
          <button
            type="button"
            onClick={() => onDelete(c.id)}
            aria-label={`Delete comment on ${c.slot} line ${c.lineStart}`}
            className="rounded px-1.5 text-slate-400 hover:bg-red-50 hover:text-red-700 focus:text-red-700"
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
