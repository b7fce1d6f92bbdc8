"use client";
import { useMemo, useState } from "react";
import type { TQualityRater } from "@/lib/quality/types";
import { decimal, DASH, percent, pValue } from "./format";
import { PauseRaterButton } from "./pause-rater-button";

type TColumn = { key: string; label: string; title: string; value: (r: TQualityRater) => number | string | null; render: (r: TQualityRater) => React.ReactNode };

const COLUMNS: TColumn[] = [
  { key: "rater", label: "Rater", title: "e-mail (user id when unknown)", value: (r) => r.email ?? r.rater, render: (r) => <span className="font-medium">{r.email ?? r.rater}</span> },
  { key: "judgments", label: "Judgments", title: "judgments in the filtered data", value: (r) => r.judgments, render: (r) => r.judgments.toLocaleString("en-US") },
  { key: "agreement", label: "Agrees", title: "share of this rater's winners matching the majority of the other raters on the same pair", value: (r) => r.agreementWithOthers, render: (r) => percent(r.agreementWithOthers, 0) },
  { key: "gold", label: "Gold", title: "accuracy on gold pairs (number of gold judgments)", value: (r) => r.goldAccuracy ?? null, render: (r) => (r.goldJudgments ? `${percent(r.goldAccuracy, 0)} (${r.goldJudgments})` : DASH) },
  { key: "reliability", label: "Reliability", title: "Dawid–Skene: probability the rater's label is the true one", value: (r) => r.reliability, render: (r) => decimal(r.reliability, 2) },
  { key: "left", label: "Left wins", title: "share of decided judgments won by the left slot (exact binomial p-value against 0.5)", value: (r) => r.leftRate, render: (r) => (r.leftRate === null ? DASH : <span title={`two-sided binomial p = ${pValue(r.leftPValue)}`}>{percent(r.leftRate, 0)}<span className="block text-[10px] text-slate-500">p {pValue(r.leftPValue)}</span></span>) },
  { key: "ties", label: "Ties", title: "share of judgments with a value that call it a tie", value: (r) => r.tieRate, render: (r) => percent(r.tieRate, 0) },
  { key: "bothBad", label: "Both bad", title: "share of judgments marked both bad", value: (r) => r.bothBadRate, render: (r) => percent(r.bothBadRate, 0) },
  { key: "length", label: "Longer wins", title: "share of decided judgments won by the longer response", value: (r) => r.lengthBias, render: (r) => percent(r.lengthBias, 0) },
  { key: "seconds", label: "Med. s", title: "median active seconds per judgment", value: (r) => r.medianSeconds, render: (r) => decimal(r.medianSeconds, 0) },
  { key: "perDay", label: "Per day", title: "judgments per active (UTC) day", value: (r) => r.perDay, render: (r) => decimal(r.perDay, 1) },
  { key: "skips", label: "Skips", title: "skipped ÷ (skipped + judged)", value: (r) => r.skipRate, render: (r) => percent(r.skipRate, 0) },
];

function compare(a: number | string | null, b: number | string | null, isDescending: boolean): number {
  // missing values sort last whichever the direction; ties keep the e-mail order
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const order = typeof a === "string" && typeof b === "string" ? a.localeCompare(b) : Number(a) - Number(b);
  return isDescending ? -order : order;
}

/** Every rater's numbers, sortable by any column; flagged raters stand out and admins can pause them. */
export function RaterTable({ projectId, raters, canPause }: { projectId: string; raters: TQualityRater[]; canPause: boolean }) {
  const [sort, setSort] = useState<{ key: string; isDescending: boolean }>({ key: "rater", isDescending: false });
  const sorted = useMemo(() => {
    const column = COLUMNS.find((c) => c.key === sort.key) ?? COLUMNS[0];
    return [...raters].sort((a, b) => compare(column.value(a), column.value(b), sort.isDescending));
  }, [raters, sort]);
  const toggle = (key: string) => setSort((s) => ({ key, isDescending: s.key === key && !s.isDescending }));

  if (!raters.length) return <p className="text-sm text-slate-500">No judgments in this range yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-xs" data-testid="rater-table">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {COLUMNS.flatMap((c, i) => [
              <th key={c.key} scope="col" className={`px-2 py-2 ${c.key === "rater" ? "" : "text-right"}`} aria-sort={sort.key === c.key ? (sort.isDescending ? "descending" : "ascending") : "none"}>
                <button type="button" onClick={() => toggle(c.key)} title={c.title} className="inline-flex items-center gap-1 uppercase hover:text-slate-800">
                  {c.label}
                  <span aria-hidden className="text-[10px]">{sort.key === c.key ? (sort.isDescending ? "▼" : "▲") : ""}</span>
                </button>
              </th>,
              ...(i === 0 ? [<th key="status" scope="col" className="px-2 py-2">Status</th>] : []),
            ])}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {sorted.map((r) => (
            <tr key={r.rater} data-testid={`rater-row-${r.email ?? r.rater}`} data-flagged={r.isFlagged} className={r.isFlagged ? "bg-red-50" : undefined}>
              {COLUMNS.flatMap((c, i) => [
                <td key={c.key} className={`whitespace-nowrap px-2 py-2 tabular-nums ${c.key === "rater" ? "" : "text-right"}`}>{c.render(r)}</td>,
                ...(i === 0
                  ? [
                      <td key="status" className="whitespace-nowrap px-2 py-2">
                        <RaterStatus projectId={projectId} rater={r} canPause={canPause} />
                      </td>,
                    ]
                  : []),
              ])}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RaterStatus({ projectId, rater: r, canPause }: { projectId: string; rater: TQualityRater; canPause: boolean }) {
  return (
    <span className="inline-flex items-center gap-2">
      {r.isFlagged && <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800" title="gold accuracy under the project's threshold">flagged</span>}
      {r.isPaused && <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">paused</span>}
      {canPause && r.isPaused !== null && (r.isFlagged || r.isPaused) && <PauseRaterButton projectId={projectId} userId={r.rater} email={r.email ?? r.rater} isPaused={r.isPaused} />}
    </span>
  );
}
