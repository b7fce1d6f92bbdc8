"use client";
import { useEffect } from "react";
import type { editor } from "monaco-editor";

export type TCodeComment = { id: string; lineStart: number; lineEnd: number; text: string; aspect: string | null };

// Monaco renders hover text as markdown; the annotator's words are shown literally.
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, "\\$&");
}

// Comments show in the code as a glyph in the margin and a tinted line range.
export function useCommentDecorations(target: editor.ICodeEditor | null, comments: TCodeComment[]): void {
  useEffect(() => {
    if (!target) return;
    const collection = target.createDecorationsCollection(
      comments.map((c) => ({
        range: { startLineNumber: c.lineStart, startColumn: 1, endLineNumber: c.lineEnd, endColumn: 1 },
        options: {
          isWholeLine: true,
          className: "line-comment-range",
          glyphMarginClassName: "line-comment-glyph",
          glyphMarginHoverMessage: { value: escapeMarkdown((c.aspect ? `[${c.aspect}] ` : "") + c.text), isTrusted: false, supportHtml: false },
          stickiness: 1,
        },
      })),
    );
    return () => collection.clear();
  }, [target, comments]);
}

export type TLineSelection = { lineStart: number; lineEnd: number };

// A selection ending at column 1 of a line does not really include that line.
export function selectionLines(sel: { startLineNumber: number; endLineNumber: number; endColumn: number }): TLineSelection {
  const end = sel.endLineNumber > sel.startLineNumber && sel.endColumn === 1 ? sel.endLineNumber - 1 : sel.endLineNumber;
  return { lineStart: sel.startLineNumber, lineEnd: end };
}
