"use client";
import { useActionState, useState } from "react";
import { saveSettingsAction, type TActionState } from "@/app/(train)/train/[projectId]/actions";
import { MarkdownPreview } from "./markdown-preview";

export type TProjectSettings = {
  id: string; name: string; overlap: number; sampling: string; instructions: string; leaseSeconds: number; goldRate: number; goldThreshold: number;
};

const field = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal";
const label = "block text-sm font-medium text-slate-700";
const hint = "mt-1 block text-xs font-normal text-slate-500";

export function SettingsForm({ project }: { project: TProjectSettings }) {
  const [state, action, isPending] = useActionState<TActionState, FormData>(saveSettingsAction, { error: null, ok: null });
  const [instructions, setInstructions] = useState(project.instructions);
  return (
    <form action={action} className="space-y-6" data-testid="settings-form">
      <input type="hidden" name="projectId" value={project.id} />
      <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold">General</h2>
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          <label className={`${label} sm:col-span-2`}>
            Name
            <input name="name" required maxLength={200} defaultValue={project.name} className={field} />
          </label>
          <label className={label}>
            Overlap
            <input name="overlap" type="number" min={1} max={50} required defaultValue={project.overlap} className={field} />
            <span className={hint}>Distinct annotators per unit. Changing it re-targets every non-gold unit (overlap + its escalations).</span>
          </label>
          <label className={label}>
            Sampling
            <select name="sampling" defaultValue={project.sampling} className={field}>
              <option value="random">random — uniform over open units</option>
              <option value="active">active — most informative pairs first</option>
            </select>
          </label>
          <label className={label}>
            Lease (seconds)
            <input name="leaseSeconds" type="number" min={30} max={604800} required defaultValue={project.leaseSeconds} className={field} />
            <span className={hint}>How long an annotator holds an assignment before it returns to the pool.</span>
          </label>
          <div />
          <label className={label}>
            Gold rate
            <input name="goldRate" type="number" min={0} max={1} step={0.01} required defaultValue={project.goldRate} className={field} />
            <span className={hint}>Share of assignments served from gold units (0–1).</span>
          </label>
          <label className={label}>
            Gold threshold
            <input name="goldThreshold" type="number" min={0} max={1} step={0.01} required defaultValue={project.goldThreshold} className={field} />
            <span className={hint}>Minimum gold accuracy (0–1) before a rater is flagged.</span>
          </label>
        </div>
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold">Instructions for annotators</h2>
        <p className="mt-1 text-xs text-slate-500">Markdown. HTML is shown as text, not rendered.</p>
        <div className="mt-3 grid gap-4 lg:grid-cols-2">
          <label className={label}>
            <span className="sr-only">Instructions (markdown)</span>
            <textarea name="instructions" value={instructions} onChange={(e) => setInstructions(e.target.value)} rows={16} maxLength={100000} className={`${field} font-mono`} aria-label="Instructions (markdown)" />
          </label>
          <div className="rounded-md border border-slate-200 bg-slate-50 p-3" data-testid="instructions-preview">
            <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Preview</p>
            <MarkdownPreview source={instructions} />
          </div>
        </div>
      </section>
      <div className="flex items-center gap-3">
        <button disabled={isPending} className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-slate-800 disabled:opacity-50">
          {isPending ? "Saving…" : "Save settings"}
        </button>
        {state.error && <p role="alert" className="text-sm text-red-700">{state.error}</p>}
        {state.ok && <p role="status" className="text-sm text-green-700" data-testid="settings-result">{state.ok}</p>}
      </div>
    </form>
  );
}
