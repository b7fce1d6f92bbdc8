"use client";
import { useEffect, useState } from "react";
import type { TSaveState } from "./use-draft-autosave";
import type { TSubmitState } from "./judgment-form";

// Problems and notices above the work, never in a corner: a lost connection, a lease that ran
// out, or a hint about the key just pressed.
export function ConnectionBanner(props: {
  saveState: TSaveState;
  submitState: TSubmitState;
  notice: string | null;
  hint: string | null;
  outboxBanner?: React.ReactNode;
  onRetry: () => void;
  onDismissHint: () => void;
}) {
  const { saveState, submitState, notice, hint } = props;
  const [now, setNow] = useState(() => Date.now());
  const isOffline = saveState.status === "offline" || (submitState.status === "pending" && submitState.isRetrying);
  useEffect(() => {
    if (!isOffline) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [isOffline]);
  const retryIn = saveState.status === "offline" ? Math.max(0, Math.ceil((saveState.retryAt - now) / 1000)) : null;
  return (
    <div aria-live="polite">
      {props.outboxBanner}
      {isOffline && (
        <div role="alert" data-testid="offline-banner" className="flex items-center gap-3 border-b border-amber-300 bg-amber-100 px-4 py-2 text-sm text-amber-950">
          <strong>Connection lost.</strong>
          <span>Your work is kept in this browser{submitState.status === "pending" ? "; your judgment will be sent when the server answers" : ""}.{retryIn !== null && ` Retrying in ${retryIn}s.`}</span>
          {saveState.status === "offline" && (
            <button type="button" onClick={props.onRetry} className="ml-auto rounded border border-amber-400 px-2 py-0.5 text-xs hover:bg-amber-200">Retry now</button>
          )}
        </div>
      )}
      {saveState.status === "closed" && (
        <div role="alert" className="border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-800">
          This item is no longer reserved for you ({saveState.message}). Your notes stay in this browser; submitting will tell you if it can still be stored.
        </div>
      )}
      {saveState.status === "error" && <div role="alert" className="border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-800">Draft not saved: {saveState.message}</div>}
      {notice && <div data-testid="notice" className="border-b border-sky-200 bg-sky-50 px-4 py-2 text-sm text-sky-900">{notice}</div>}
      {hint && (
        <div data-testid="hint" className="flex items-center border-b border-slate-200 bg-slate-100 px-4 py-1.5 text-xs text-slate-700">
          {hint}
          <button type="button" onClick={props.onDismissHint} className="ml-auto px-2 text-slate-500 hover:text-slate-900" aria-label="Dismiss">×</button>
        </div>
      )}
    </div>
  );
}
