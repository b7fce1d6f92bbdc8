"use client";
import { useActionState } from "react";

type TState = { message: string } | null;

// Staff-triggered batch refit (the online updates drift; see lib/ranking/refit-project.ts).
export function RefitButton({ action }: { action: (state: TState) => Promise<TState> }) {
  const [state, run, isPending] = useActionState(action, null);
  return (
    <form action={run} className="flex items-center gap-3">
      <button type="submit" disabled={isPending} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium shadow-sm hover:bg-slate-50 disabled:opacity-50">
        {isPending ? "Refitting…" : "Refit posteriors"}
      </button>
      {state && <span className="text-xs text-slate-600" role="status">{state.message}</span>}
    </form>
  );
}
