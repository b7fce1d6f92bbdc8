"use client";
import { useState, useTransition } from "react";
import { saveRubricAction, type TRubricSaveState } from "@/app/(train)/train/[projectId]/actions";
import { ZRubricInput, type TRubric, type TRubricAspect } from "@/lib/projects/schemas";
import { AspectFields } from "./rubric-aspect-fields";

type TDraftAspect = TRubricAspect & { uid: string };

let nextUid = 0;
const withUid = (a: TRubricAspect): TDraftAspect => ({ ...a, uid: `a${nextUid++}` });
const RATIONALE = [
  { value: "required", label: "Required — a judgment without a rationale is refused" },
  { value: "optional", label: "Optional" },
  { value: "off", label: "Off — the rationale box is hidden" },
] as const;

export function RubricEditor({ projectId, rubric, judgmentsOnCurrent }: { projectId: string; rubric: TRubric; judgmentsOnCurrent: number }) {
  const [baseVersion, setBaseVersion] = useState(rubric.version);
  const [aspects, setAspects] = useState<TDraftAspect[]>(() => rubric.aspects.map(withUid));
  const [rationale, setRationale] = useState<TRubric["rationale"]>(rubric.rationale);
  const [issues, setIssues] = useState<string[]>([]);
  const [saved, setSaved] = useState<TRubricSaveState | null>(null);
  const [isPending, startTransition] = useTransition();
  const isFrozen = judgmentsOnCurrent > 0 && baseVersion === rubric.version;

  const update = (uid: string, patch: Partial<TRubricAspect>) => setAspects((list) => list.map((a) => (a.uid === uid ? { ...a, ...patch } : a)));
  const move = (index: number, delta: number) =>
    setAspects((list) => {
      const target = index + delta;
      if (target < 0 || target >= list.length) return list;
      const next = [...list];
      [next[index], next[target]] = [next[target], next[index]];
      return next;
    });
  const add = () => setAspects((list) => [...list, withUid({ key: `aspect_${list.length + 1}`, label: "", description: "", scale: list[0]?.scale ?? "pairwise7", required: false })]);

  const save = () => {
    setSaved(null);
    const parsed = ZRubricInput.safeParse({ aspects: aspects.map(({ uid: _uid, ...a }) => a), rationale });
    if (!parsed.success) {
      setIssues(parsed.error.issues.map((i) => describeIssue(i.path, i.message)));
      return;
    }
    setIssues([]);
    startTransition(async () => {
      const state = await saveRubricAction(projectId, baseVersion, parsed.data);
      setSaved(state);
      if (state.result) setBaseVersion(state.result.version);
    });
  };

  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="rubric-editor">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">
          Rubric <span className="text-slate-500" data-testid="rubric-current-version">version {baseVersion}</span>
        </h2>
        <p className={`rounded-md px-2 py-1 text-xs ${isFrozen ? "bg-amber-50 text-amber-800" : "bg-slate-100 text-slate-600"}`}>
          {isFrozen
            ? `Version ${baseVersion} has ${judgmentsOnCurrent} judgment(s): saving creates version ${baseVersion + 1}; those judgments keep version ${baseVersion}.`
            : `Saving updates version ${baseVersion} in place while no judgment uses it.`}
        </p>
      </div>
      <ol className="mt-4 space-y-3">
        {aspects.map((aspect, index) => (
          <AspectFields
            key={aspect.uid}
            aspect={aspect}
            index={index}
            count={aspects.length}
            onChange={(patch) => update(aspect.uid, patch)}
            onMove={(delta) => move(index, delta)}
            onRemove={() => setAspects((list) => list.filter((a) => a.uid !== aspect.uid))}
          />
        ))}
      </ol>
      {aspects.length === 0 && <p className="mt-4 rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-500">No aspects: annotators give only the overall judgment.</p>}
      <button type="button" onClick={add} disabled={aspects.length >= 30} className="mt-3 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-40">
        + Add aspect
      </button>
      <label className="mt-5 block max-w-md text-sm font-medium text-slate-700">
        Rationale
        <select value={rationale} onChange={(e) => setRationale(e.target.value as TRubric["rationale"])} className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 font-normal" name="rationale">
          {RATIONALE.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
        </select>
      </label>
      {issues.length > 0 && (
        <ul role="alert" className="mt-4 list-disc rounded-md border border-red-200 bg-red-50 py-2 pl-8 pr-3 text-sm text-red-800">
          {issues.map((issue) => <li key={issue}>{issue}</li>)}
        </ul>
      )}
      <div className="mt-5 flex items-center gap-3 border-t border-slate-100 pt-4">
        <button type="button" onClick={save} disabled={isPending} className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-slate-800 disabled:opacity-50">
          {isPending ? "Saving…" : "Save rubric"}
        </button>
        <SaveOutcome state={saved} />
      </div>
    </section>
  );
}

function describeIssue(path: PropertyKey[], message: string): string {
  if (path[0] === "aspects" && typeof path[1] === "number") return `Aspect ${path[1] + 1}${path[2] ? ` · ${String(path[2])}` : ""}: ${message}`;
  return message;
}

function SaveOutcome({ state }: { state: TRubricSaveState | null }) {
  if (!state) return null;
  if (state.error) return <p role="alert" className="text-sm text-red-700">{state.error}</p>;
  const r = state.result!;
  const text =
    r.outcome === "new_version"
      ? `Saved as version ${r.version}; version ${r.previousVersion} keeps its judgments.`
      : r.outcome === "updated_in_place"
        ? `Version ${r.version} updated in place (no judgments used it).`
        : "No changes to save.";
  return <p role="status" className="text-sm text-green-700" data-testid="rubric-save-result">{text}</p>;
}
