"use client";
import { CodePane } from "@/components/code/code-pane";
import { DiffPane } from "@/components/code/diff-pane";
import type { TCodeComment } from "@/components/code/code-comments";
import type { TEditorEvent } from "@/components/code/use-editor-registry";
import { PaneHeader } from "./pane-header";
import { slotStyle, SlotBadge } from "./slot-style";
import { paneHeight, useViewport } from "./use-viewport";

// Two candidates side by side (stacked on narrow screens), or one Monaco diff of A against B.
export function PairView(props: {
  language: string;
  responses: Array<{ slot: string; content: string }>;
  isDiff: boolean;
  isWrapped: boolean;
  commentsBySlot: Record<string, TCodeComment[]>;
  onEditor: TEditorEvent;
}) {
  const { language, responses, isDiff, isWrapped, commentsBySlot, onEditor } = props;
  const viewport = useViewport();
  const [a, b] = responses;
  const height = paneHeight([a.content, b.content], viewport.height);
  if (isDiff) {
    return (
      <section className="overflow-hidden rounded-lg border border-slate-200 bg-white" aria-label="Diff of A against B">
        <div className="flex items-center gap-2 border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-xs">
          <SlotBadge slot="A" /> <span className="font-semibold">Response A</span>
          <span className="text-slate-400">against</span>
          <SlotBadge slot="B" /> <span className="font-semibold">Response B</span>
          <span className="ml-auto text-slate-500">red = only in A · green = only in B</span>
        </div>
        <DiffPane
          language={language}
          original={a.content}
          modified={b.content}
          isWrapped={isWrapped}
          isSideBySide={viewport.width >= 900}
          height={height}
          commentsA={commentsBySlot.A ?? []}
          commentsB={commentsBySlot.B ?? []}
          onEditor={onEditor}
        />
      </section>
    );
  }
  return (
    <div className="grid gap-3 md:grid-cols-2">
      {[a, b].map((r) => (
        <section key={r.slot} className={`min-w-0 overflow-hidden rounded-lg border bg-white ${slotStyle(r.slot).border}`} aria-label={`Response ${r.slot}`}>
          <PaneHeader slot={r.slot} content={r.content} />
          <CodePane slot={r.slot} language={language} content={r.content} isWrapped={isWrapped} height={height} comments={commentsBySlot[r.slot] ?? []} onEditor={onEditor} isScrollSynced />
        </section>
      ))}
    </div>
  );
}
