"use client";
import { useEffect, useState } from "react";
import type { TSaveState } from "./use-draft-autosave";

function ago(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 5 ? "just now" : s < 60 ? `${s}s ago` : `${Math.round(s / 60)} min ago`;
}

export function SaveIndicator({ state }: { state: TSaveState }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(t);
  }, []);
  const text =
    state.status === "saving" ? "Saving…"
    : state.status === "saved" ? `Draft saved ${ago(now - state.at)}`
    : state.status === "offline" ? "Saved in this browser only"
    : state.status === "closed" ? "Not saved to server"
    : state.status === "error" ? "Draft not saved"
    : "No changes yet";
  const dot = state.status === "saved" ? "bg-emerald-500" : state.status === "saving" ? "bg-slate-400 animate-pulse" : state.status === "idle" ? "bg-slate-300" : "bg-amber-500";
  return (
    <span data-testid="save-state" data-status={state.status} className="inline-flex items-center gap-1.5 text-xs text-slate-500" aria-live="polite">
      <span className={`h-2 w-2 rounded-full ${dot}`} aria-hidden />
      {text}
    </span>
  );
}
