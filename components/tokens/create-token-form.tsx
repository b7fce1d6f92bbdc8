"use client";
import { useActionState } from "react";
import { createTokenAction, type TTokenState } from "@/app/(account)/settings/tokens/actions";

export function CreateTokenForm() {
  const [state, action, pending] = useActionState<TTokenState, FormData>(createTokenAction, { secret: null, error: null });
  return (
    <form action={action} className="mt-4 flex flex-wrap items-end gap-2 text-sm">
      <label>Label<input name="label" maxLength={100} className="ml-2 rounded border px-2 py-1" placeholder="e.g. export script" /></label>
      <button disabled={pending} className="rounded bg-slate-900 px-3 py-1 text-white disabled:opacity-50">Create token</button>
      {state.error && <p role="alert" className="w-full text-red-700">{state.error}</p>}
      {state.secret && (
        <div className="w-full rounded border border-amber-300 bg-amber-50 p-3">
          <p className="font-medium">Copy it now: it is shown once.</p>
          <code className="mt-1 block break-all font-mono" data-testid="new-token">{state.secret}</code>
        </div>
      )}
    </form>
  );
}
