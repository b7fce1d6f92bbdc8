"use client";
import { useState } from "react";
import { Kbd } from "./kbd";

// A skipped item is never offered to this annotator again, so `s` asks first; Enter confirms.
export function SkipDialog({ isPending, onConfirm, onCancel }: { isPending: boolean; onConfirm: (reason: string) => void; onCancel: () => void }) {
  const [reason, setReason] = useState("");
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4" onClick={onCancel}>
      <form
        role="dialog"
        aria-modal="true"
        aria-labelledby="skip-title"
        data-testid="skip-dialog"
        className="w-full max-w-md rounded-lg bg-white p-5 shadow-xl"
        onClick={(e) => e.stopPropagation()}
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm(reason.trim());
        }}
        onKeyDown={(e) => e.key === "Escape" && (e.preventDefault(), e.stopPropagation(), onCancel())}
      >
        <h2 id="skip-title" className="text-base font-semibold">Skip this item?</h2>
        <p className="mt-1 text-sm text-slate-600">It goes back to the pool for others and will not be shown to you again.</p>
        <label className="mt-3 block text-sm">
          <span className="text-slate-700">Reason (optional)</span>
          <input autoFocus value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} placeholder="e.g. outside my expertise" className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5 text-sm" />
        </label>
        <div className="mt-4 flex items-center gap-2 text-[11px] text-slate-500">
          <Kbd>Enter</Kbd> skip <Kbd>Esc</Kbd> keep working
          <button type="button" onClick={onCancel} className="ml-auto rounded border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50">Cancel</button>
          <button type="submit" disabled={isPending} className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50">
            {isPending ? "Skipping…" : "Skip item"}
          </button>
        </div>
      </form>
    </div>
  );
}
