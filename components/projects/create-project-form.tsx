"use client";
import { useActionState } from "react";
import { createProjectAction, type TFormState } from "@/app/(train)/train/actions";

export function CreateProjectForm() {
  const [state, action, pending] = useActionState<TFormState, FormData>(createProjectAction, { error: null });
  return (
    <form action={action} className="mt-8 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="create-project">
      <h2 className="col-span-2 text-lg font-semibold">New project</h2>
      <label className="col-span-2">Name<input name="name" required maxLength={200} className="mt-1 w-full rounded border px-2 py-1" /></label>
      <label>Mode
        <select name="mode" className="mt-1 w-full rounded border px-2 py-1"><option value="pairwise">pairwise</option><option value="rating">rating</option><option value="ranking">ranking</option></select>
      </label>
      <label>Sampling
        <select name="sampling" className="mt-1 w-full rounded border px-2 py-1"><option value="random">random</option><option value="active">active</option></select>
      </label>
      <label>Overlap (distinct annotators per unit)<input name="overlap" type="number" min={1} max={50} defaultValue={3} className="mt-1 w-full rounded border px-2 py-1" /></label>
      <label className="col-span-2">Instructions (markdown)<textarea name="instructions" rows={4} className="mt-1 w-full rounded border px-2 py-1 font-mono" /></label>
      {state.error && <p role="alert" className="col-span-2 text-red-700">{state.error}</p>}
      <button disabled={pending} className="col-span-2 rounded bg-slate-900 px-3 py-2 font-medium text-white disabled:opacity-50">{pending ? "Creating…" : "Create project"}</button>
    </form>
  );
}
