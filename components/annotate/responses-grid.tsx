"use client";
import { CodePane } from "@/components/code/code-pane";
import type { TCodeComment } from "@/components/code/code-comments";
import type { TEditorEvent } from "@/components/code/use-editor-registry";
import { PaneHeader } from "./pane-header";
import { slotStyle } from "./slot-style";
import { paneHeight, useViewport } from "./use-viewport";

// Rating (one response, full width) and ranking (K responses in a grid) views.
export function ResponsesGrid(props: {
  language: string;
  responses: Array<{ slot: string; content: string }>;
  isWrapped: boolean;
  commentsBySlot: Record<string, TCodeComment[]>;
  rankOf?: (slot: string) => number;
  onEditor: TEditorEvent;
}) {
  const { language, responses, isWrapped, commentsBySlot, rankOf, onEditor } = props;
  const viewport = useViewport();
  const isSingle = responses.length === 1;
  const height = paneHeight(responses.map((r) => r.content), viewport.height, isSingle ? 0.64 : 0.42);
  return (
    <div className={`grid gap-3 ${isSingle ? "" : responses.length === 3 ? "md:grid-cols-2 2xl:grid-cols-3" : "md:grid-cols-2"}`}>
      {responses.map((r) => (
        <section key={r.slot} className={`min-w-0 overflow-hidden rounded-lg border bg-white ${slotStyle(r.slot).border}`} aria-label={`Response ${r.slot}`}>
          <PaneHeader slot={r.slot} content={r.content} note={rankOf ? `ranked #${rankOf(r.slot)}` : undefined} />
          <CodePane slot={r.slot} language={language} content={r.content} isWrapped={isWrapped} height={height} comments={commentsBySlot[r.slot] ?? []} onEditor={onEditor} />
        </section>
      ))}
    </div>
  );
}
