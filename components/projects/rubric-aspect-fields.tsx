"use client";
import { ASPECT_SCALES, type TRubricAspect } from "@/lib/projects/schemas";

const SCALE_LABEL: Record<(typeof ASPECT_SCALES)[number], string> = {
  pairwise7: "pairwise7 (−3..3)",
  likert5: "likert5 (1..5)",
  binary: "binary (yes/no)",
};

const input = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal";

type TProps = {
  aspect: TRubricAspect;
  index: number;
  count: number;
  onChange: (patch: Partial<TRubricAspect>) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
};

export function AspectFields({ aspect, index, count, onChange, onMove, onRemove }: TProps) {
  const n = index + 1;
  return (
    <li className="rounded-md border border-slate-200 bg-slate-50/60 p-3" data-testid="rubric-aspect">
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs font-semibold uppercase tracking-wide text-slate-500">Aspect {n}</span>
        <div className="flex gap-1 text-xs">
          <button type="button" onClick={() => onMove(-1)} disabled={index === 0} aria-label={`Move aspect ${n} up`} className="rounded border border-slate-300 bg-white px-2 py-0.5 hover:bg-slate-100 disabled:opacity-30">↑</button>
          <button type="button" onClick={() => onMove(1)} disabled={index === count - 1} aria-label={`Move aspect ${n} down`} className="rounded border border-slate-300 bg-white px-2 py-0.5 hover:bg-slate-100 disabled:opacity-30">↓</button>
          <button type="button" onClick={onRemove} aria-label={`Remove aspect ${n}`} className="rounded border border-red-200 bg-white px-2 py-0.5 text-red-700 hover:bg-red-50">Remove</button>
        </div>
      </div>
      <div className="mt-2 grid gap-3 sm:grid-cols-[11rem_1fr_11rem]">
        <label className="text-xs font-medium text-slate-600">
          Key
          <input value={aspect.key} onChange={(e) => onChange({ key: e.target.value })} aria-label={`Aspect ${n} key`} className={`${input} font-mono`} maxLength={40} spellCheck={false} />
        </label>
        <label className="text-xs font-medium text-slate-600">
          Label
          <input value={aspect.label} onChange={(e) => onChange({ label: e.target.value })} aria-label={`Aspect ${n} label`} className={input} maxLength={80} />
        </label>
        <label className="text-xs font-medium text-slate-600">
          Scale
          <select value={aspect.scale} onChange={(e) => onChange({ scale: e.target.value as TRubricAspect["scale"] })} aria-label={`Aspect ${n} scale`} className={input}>
            {ASPECT_SCALES.map((s) => <option key={s} value={s}>{SCALE_LABEL[s]}</option>)}
          </select>
        </label>
      </div>
      <label className="mt-3 block text-xs font-medium text-slate-600">
        Description (shown to annotators)
        <textarea value={aspect.description} onChange={(e) => onChange({ description: e.target.value })} aria-label={`Aspect ${n} description`} rows={2} maxLength={2000} className={input} />
      </label>
      <label className="mt-2 inline-flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" checked={aspect.required} onChange={(e) => onChange({ required: e.target.checked })} aria-label={`Aspect ${n} required`} className="h-4 w-4 rounded border-slate-300" />
        Required
      </label>
    </li>
  );
}
