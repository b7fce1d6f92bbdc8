"use client";
import { useState, useTransition } from "react";
import { pauseRaterAction } from "@/app/(train)/train/[projectId]/agreement/actions";

/** Pause or resume one rater on this project (admins only; the server checks again). */
export function PauseRaterButton({ projectId, userId, email, isPaused }: { projectId: string; userId: string; email: string; isPaused: boolean }) {
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const toggle = () =>
    startTransition(async () => {
      const state = await pauseRaterAction(projectId, { userId, paused: !isPaused });
      setError(state.error);
    });
  return (
    <>
      <button
        type="button"
        onClick={toggle}
        disabled={isPending}
        aria-label={`${isPaused ? "Resume" : "Pause"} ${email}`}
        className={`rounded-md border px-2.5 py-1 text-xs font-medium disabled:opacity-50 ${isPaused ? "border-green-300 text-green-800 hover:bg-green-50" : "border-amber-300 text-amber-800 hover:bg-amber-50"}`}
      >
        {isPending ? "…" : isPaused ? "Resume" : "Pause"}
      </button>
      {error && <span role="alert" className="text-xs text-red-700">{error}</span>}
    </>
  );
}
