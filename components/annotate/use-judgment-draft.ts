"use client";
import { useCallback, useState } from "react";
import type { TField } from "./form-fields";
import { parseDraft, pickDraft, type TAssignment, type TDraftComment, type TJudgmentDraft } from "./judgment-draft";
import { readLocalDraft } from "./local-drafts";
import { moveItem } from "./ranking-field";

// The form's state for one assignment, restored from the newest saved copy.
export function useJudgmentDraft(assignment: TAssignment) {
  const [initial] = useState(() => {
    const draft = pickDraft(assignment, readLocalDraft(assignment.id));
    return { draft, hasServerCopy: parseDraft(assignment.draft)?.updatedAt === draft.updatedAt && draft.updatedAt > 0 };
  });
  const [draft, setDraft] = useState<TJudgmentDraft>(initial.draft);
  const update = useCallback((change: (d: TJudgmentDraft) => TJudgmentDraft) => setDraft((d) => ({ ...change(d), updatedAt: Date.now() })), []);

  const setField = useCallback(
    (field: TField, value: number | null) =>
      update((d) => {
        if (field.kind === "preference") return { ...d, preference: value, bothBad: value === null ? d.bothBad : false };
        if (field.kind === "confidence") return { ...d, confidence: value };
        if (field.aspectKey) return { ...d, aspects: { ...d.aspects, [field.aspectKey]: value } };
        return d;
      }),
    [update],
  );
  const toggleBothBad = useCallback(() => update((d) => ({ ...d, bothBad: !d.bothBad, preference: d.bothBad ? d.preference : null })), [update]);
  const moveRank = useCallback((from: number, to: number) => update((d) => ({ ...d, ranking: moveItem(d.ranking, from, to), hasRanked: true })), [update]);
  const setRationale = useCallback((rationale: string) => update((d) => ({ ...d, rationale })), [update]);
  const addComment = useCallback((comment: Omit<TDraftComment, "id">) => update((d) => ({ ...d, comments: [...d.comments, { ...comment, id: crypto.randomUUID() }] })), [update]);
  const deleteComment = useCallback((id: string) => update((d) => ({ ...d, comments: d.comments.filter((c) => c.id !== id) })), [update]);

  return { draft, hasServerCopy: initial.hasServerCopy, setField, toggleBothBad, moveRank, setRationale, addComment, deleteComment };
}
