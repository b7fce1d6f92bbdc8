"use client";
import type { TField } from "./form-fields";
import { visibleAspects, type TAssignment, type TJudgmentDraft } from "./judgment-draft";
import { ScaleField } from "./scale-field";
import { RankingField } from "./ranking-field";
import { CommentComposer, type TCommentTarget } from "./comment-composer";
import { CommentList } from "./comment-list";
import { Kbd } from "./kbd";

export type TSubmitState = { status: "idle" } | { status: "pending"; isRetrying: boolean } | { status: "error"; message: string };

// The sidebar: every rubric field, the rationale, line comments and the submit bar (sticky).
export function JudgmentForm(props: {
  assignment: TAssignment;
  draft: TJudgmentDraft;
  fields: TField[];
  activeFieldId: string | null;
  missing: Set<string>;
  composer: TCommentTarget | null;
  submitState: TSubmitState;
  onActivate: (fieldId: string) => void;
  onSetField: (field: TField, value: number | null) => void;
  onToggleBothBad: () => void;
  onMoveRank: (from: number, to: number) => void;
  onRationale: (text: string) => void;
  onSaveComment: (text: string, aspect: string | null) => void;
  onCancelComment: () => void;
  onDeleteComment: (id: string) => void;
  onStartComment: () => void;
  onSubmit: () => void;
  onSkip: () => void;
}) {
  const { assignment, draft, fields, activeFieldId, missing, composer, submitState } = props;
  const aspects = visibleAspects(assignment);
  const aspectByKey = new Map(aspects.map((a) => [a.key, a]));
  const valueOf = (field: TField) =>
    field.kind === "preference" ? draft.preference : field.kind === "confidence" ? draft.confidence : field.aspectKey ? draft.aspects[field.aspectKey] : null;
  const scaleField = (field: TField, isLarge = false) => (
    <ScaleField
      key={field.id}
      field={field}
      value={valueOf(field)}
      description={field.aspectKey ? aspectByKey.get(field.aspectKey)?.description : undefined}
      isRequired={field.aspectKey ? aspectByKey.get(field.aspectKey)?.required && !(assignment.mode === "pairwise" && draft.bothBad) : field.kind === "preference"}
      isActive={activeFieldId === field.id}
      isMissing={missing.has(field.id)}
      isDisabled={field.kind === "preference" && draft.bothBad}
      isLarge={isLarge}
      onActivate={() => props.onActivate(field.id)}
      onChange={(value) => props.onSetField(field, value)}
    />
  );
  const preference = fields.find((f) => f.kind === "preference");
  const aspectFields = fields.filter((f) => f.aspectKey);
  const confidence = fields.find((f) => f.kind === "confidence");
  const activeRank = activeFieldId?.startsWith("rank:") ? Number(activeFieldId.slice(5)) : null;
  const isPending = submitState.status === "pending";

  return (
    <div className="flex min-h-full flex-col">
      <div className="flex-1 space-y-1 p-3">
        {preference && (
          <div className="rounded-lg border border-slate-200 bg-slate-50/60 p-1">
            {scaleField(preference, true)}
            <label className={`mx-3 mb-2 mt-1 flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm ${draft.bothBad ? "bg-red-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}>
              <input type="checkbox" className="sr-only" checked={draft.bothBad} onChange={props.onToggleBothBad} data-testid="both-bad" />
              <span className={`flex h-4 w-4 items-center justify-center rounded border text-[10px] ${draft.bothBad ? "border-white" : "border-slate-400"}`}>{draft.bothBad ? "✓" : ""}</span>
              Both unacceptable
              <Kbd className="ml-auto">0</Kbd>
            </label>
          </div>
        )}
        {assignment.mode === "ranking" && <RankingField ranking={draft.ranking} activePosition={activeRank} onActivate={(p) => props.onActivate(`rank:${p}`)} onMove={props.onMoveRank} />}
        {aspectFields.length > 0 && (
          <div className="pt-2">
            <h3 className="px-3 text-[11px] font-semibold uppercase tracking-wide text-slate-500">{assignment.mode === "rating" ? "Rate the response" : "Aspects"}</h3>
            {aspectFields.map((f) => scaleField(f))}
          </div>
        )}
        {assignment.rubric.rationale !== "off" && (
          <label className={`block rounded-md px-3 py-2 ${missing.has("rationale") ? "bg-red-50/60" : ""}`}>
            <span className="flex items-baseline gap-2 text-[13px] font-semibold text-slate-800">
              Rationale
              {assignment.rubric.rationale === "required" ? <span className="text-red-600">*</span> : <span className="text-xs font-normal text-slate-500">optional</span>}
              <Kbd className="ml-auto">r</Kbd>
            </span>
            <textarea
              id="field-rationale"
              data-testid="rationale"
              value={draft.rationale}
              onChange={(e) => props.onRationale(e.target.value)}
              rows={3}
              maxLength={20_000}
              placeholder="Why? Point at what decided it."
              className="mt-1 w-full resize-y rounded border border-slate-300 bg-white px-2 py-1.5 text-sm outline-none focus:border-slate-500 focus:ring-2 focus:ring-slate-900/10"
            />
          </label>
        )}
        {confidence && scaleField(confidence)}
        <div className="space-y-2 px-3 pt-2">
          <div className="flex items-center">
            <h3 className="text-[11px] font-semibold uppercase tracking-wide text-slate-500">Line comments {draft.comments.length > 0 && `(${draft.comments.length})`}</h3>
            <button type="button" onClick={props.onStartComment} className="ml-auto rounded px-2 py-0.5 text-xs text-slate-600 hover:bg-slate-100" data-testid="add-comment">
              Comment on selection <Kbd>c</Kbd>
            </button>
          </div>
          {composer && <CommentComposer key={`${composer.slot}:${composer.lineStart}:${composer.lineEnd}`} target={composer} aspects={aspects} onSave={props.onSaveComment} onCancel={props.onCancelComment} />}
          {!composer && draft.comments.length === 0 && <p className="text-xs text-slate-500">Select lines in a response, then press <Kbd>c</Kbd>.</p>}
          <CommentList comments={draft.comments} aspects={aspects} onDelete={props.onDeleteComment} />
        </div>
      </div>
      <div className="sticky bottom-0 border-t border-slate-200 bg-white/95 p-3 backdrop-blur">
        {submitState.status === "error" && <p role="alert" className="mb-2 rounded bg-red-50 px-2 py-1 text-xs text-red-700">{submitState.message}</p>}
        {missing.size > 0 && submitState.status !== "error" && (
          <p className="mb-2 text-xs text-red-700" data-testid="missing">Still needed: {fields.filter((f) => missing.has(f.id)).map((f) => f.label).concat(missing.has("rationale") ? ["Rationale"] : []).join(", ")}</p>
        )}
        <div className="flex items-center gap-2">
          <button type="button" onClick={props.onSkip} disabled={isPending} className="rounded border border-slate-300 px-3 py-2 text-sm text-slate-700 hover:bg-slate-50 disabled:opacity-50">
            Skip <Kbd>s</Kbd>
          </button>
          <button
            type="button"
            data-testid="submit"
            onClick={props.onSubmit}
            disabled={isPending}
            className="flex flex-1 items-center justify-center gap-2 rounded bg-slate-900 px-3 py-2 text-sm font-semibold text-white hover:bg-slate-700 disabled:cursor-wait disabled:opacity-60"
          >
            {isPending ? (submitState.isRetrying ? "Reconnecting…" : "Submitting…") : "Submit"}
            {!isPending && <Kbd tone="dark">Ctrl+Enter</Kbd>}
          </button>
        </div>
      </div>
    </div>
  );
}
