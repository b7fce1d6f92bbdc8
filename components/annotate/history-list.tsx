import type { TMyJudgment } from "@/lib/assignment/list-my-judgments";
import { scaleOptions } from "./form-fields";
import { SlotBadge } from "./slot-style";

// A glance at the prompt, without markdown's fences and emphasis marks.
function plainExcerpt(markdown: string): string {
  return markdown.replace(/```[\w-]*/g, " ").replace(/[`*#]/g, "").replace(/\s+/g, " ").trim();
}

function verdict(j: TMyJudgment): React.ReactNode {
  if (j.mode === "pairwise") {
    if (j.bothBad) return <span className="rounded bg-red-100 px-1.5 py-0.5 text-red-800">Both unacceptable</span>;
    const option = scaleOptions("preference").find((o) => o.value === j.preference);
    const tone = (j.preference ?? 0) < 0 ? "bg-blue-100 text-blue-900" : (j.preference ?? 0) > 0 ? "bg-orange-100 text-orange-900" : "bg-slate-100 text-slate-800";
    return <span className={`rounded px-1.5 py-0.5 ${tone}`}>{option?.label ?? "—"}</span>;
  }
  if (j.mode === "ranking") {
    return (
      <span className="inline-flex items-center gap-1">
        {(j.ranking ?? []).map((slot, i) => (
          <span key={slot} className="inline-flex items-center gap-1">
            {i > 0 && <span className="text-slate-400">›</span>}
            <SlotBadge slot={slot} />
          </span>
        ))}
      </span>
    );
  }
  return <span className="text-slate-700">{Object.entries(j.ratings ?? {}).map(([k, v]) => `${k} ${v}`).join(" · ") || "—"}</span>;
}

// The annotator's own past judgments; every text is user data and rendered as plain text.
export function HistoryList({ judgments }: { judgments: TMyJudgment[] }) {
  if (!judgments.length) return <p className="mt-6 text-sm text-slate-600" data-testid="history-empty">No judgments yet in this project.</p>;
  return (
    <ul className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="history">
      {judgments.map((j) => (
        <li key={j.id} className="px-4 py-3" data-testid="history-row" data-judgment-id={j.id}>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <time className="shrink-0 whitespace-nowrap tabular-nums text-slate-500" dateTime={j.createdAt}>{new Date(j.createdAt).toISOString().slice(0, 16).replace("T", " ")} UTC</time>
            <span data-testid="history-verdict">{verdict(j)}</span>
            {j.confidence !== null && <span className="text-xs text-slate-500">confidence {j.confidence}/5</span>}
            {j.comments.length > 0 && <span className="text-xs text-amber-700" data-testid="history-comment-count">{j.comments.length} line comment{j.comments.length > 1 ? "s" : ""}</span>}
            <span className="ml-auto rounded bg-slate-100 px-1.5 font-mono text-[11px] text-slate-600">{j.language}</span>
          </div>
          <p className="mt-1 line-clamp-2 text-sm text-slate-700">{plainExcerpt(j.promptExcerpt)}</p>
          {(j.rationale || j.comments.length > 0) && (
            <details className="mt-1 text-sm">
              <summary className="cursor-pointer text-xs text-slate-500">Rationale and comments</summary>
              {j.rationale && <p className="mt-1 whitespace-pre-wrap text-slate-700">{j.rationale}</p>}
              <ul className="mt-1 space-y-1">
                {j.comments.map((c, i) => (
                  <li key={i} className="flex items-start gap-2 text-xs" data-testid="history-comment">
                    <SlotBadge slot={c.slot} />
                    <span className="tabular-nums text-slate-500">L{c.lineStart}{c.lineEnd !== c.lineStart ? `–${c.lineEnd}` : ""}</span>
                    {c.aspect && <span className="rounded bg-slate-100 px-1 text-slate-600">{c.aspect}</span>}
                    <span className="whitespace-pre-wrap text-slate-800">{c.text}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
