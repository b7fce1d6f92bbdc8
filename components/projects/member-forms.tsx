"use client";
import { useActionState, useTransition, useState } from "react";
import { addMemberAction, setMemberPausedAction, type TActionState } from "@/app/(train)/train/[projectId]/actions";

const initial: TActionState = { error: null, ok: null };

export function AddMemberForm({ projectId }: { projectId: string }) {
  const [state, action, isPending] = useActionState(addMemberAction, initial);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" data-testid="add-member">
      <input type="hidden" name="projectId" value={projectId} />
      <label className="text-sm font-medium text-slate-700">
        Add a member by email
        <input name="email" type="email" required maxLength={320} placeholder="ann@example.com" className="mt-1 block w-72 rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal" />
      </label>
      <button disabled={isPending} className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-slate-800 disabled:opacity-50">
        {isPending ? "Adding…" : "Add member"}
      </button>
      {state.error && <p role="alert" className="text-sm text-red-700">{state.error}</p>}
      {state.ok && <p role="status" className="text-sm text-green-700">{state.ok}</p>}
    </form>
  );
}

export function PauseToggle({ projectId, userId, email, paused }: { projectId: string; userId: string; email: string; paused: boolean }) {
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const toggle = () =>
    startTransition(async () => {
      const state = await setMemberPausedAction(projectId, { userId, paused: !paused });
      setError(state.error);
    });
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={toggle}
        disabled={isPending}
        aria-label={`${paused ? "Resume" : "Pause"} ${email}`}
        className={`rounded-md border px-2.5 py-1 text-xs font-medium disabled:opacity-50 ${paused ? "border-green-300 text-green-800 hover:bg-green-50" : "border-amber-300 text-amber-800 hover:bg-amber-50"}`}
      >
        {isPending ? "…" : paused ? "Resume" : "Pause"}
      </button>
      {error && <span role="alert" className="text-xs text-red-700">{error}</span>}
    </span>
  );
}
