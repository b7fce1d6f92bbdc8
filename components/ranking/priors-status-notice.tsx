"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { TPriorsStatus } from "@/lib/ranking/schemas";

const POLL_MS = 3000;

function describe(priors: TPriorsStatus): string {
  // UTC, formatted the same on the server and in the browser (no hydration mismatch)
  const at = (iso: string | null) => (iso ? `${iso.slice(11, 19)} UTC` : "?");
  switch (priors.status) {
    case "pending":
      return `Priors refresh queued (asked for at ${at(priors.requestedAt)}). Serving uses the previous priorities until it has run.`;
    case "running":
      return `Refreshing priors and priorities since ${at(priors.startedAt)}. Serving uses the previous priorities meanwhile.`;
    case "failed":
      return `The last priors refresh failed at ${at(priors.finishedAt)} (see the server log). Serving uses the previous priorities; press Refit to retry.`;
    default:
      return `Priors and priorities up to date: refreshed at ${at(priors.finishedAt)} in ${(priors.seconds ?? 0).toFixed(1)} s.`;
  }
}

// Where the background priors refresh stands (lib/ranking/run-priors-refresh.ts); while it is
// queued or running the page reloads its data every few seconds, so the trainer sees it land.
export function PriorsStatusNotice({ priors }: { priors: TPriorsStatus }) {
  const router = useRouter();
  const isBusy = priors.status === "pending" || priors.status === "running";
  useEffect(() => {
    if (!isBusy) return;
    const timer = setInterval(() => router.refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [isBusy, router]);
  if (priors.status === "none") return null;
  const tone = priors.status === "failed" ? "border-red-200 bg-red-50 text-red-800" : isBusy ? "border-amber-200 bg-amber-50 text-amber-900" : "border-slate-200 bg-slate-50 text-slate-600";
  return (
    <p data-testid="priors-status" data-status={priors.status} role="status" className={`rounded-md border px-3 py-2 text-xs ${tone}`}>
      {describe(priors)}
    </p>
  );
}
