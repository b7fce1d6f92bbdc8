import type { TModelsVersusHumans } from "@/lib/quality/types";
import { count, interval, percent } from "./format";

/** Per score set: how often the model's preferred response is the humans' majority pick. */
export function ModelsTable({ models }: { models: TModelsVersusHumans }) {
  if (models.mode !== "pairwise") return <p className="text-sm text-slate-500">Models are compared with humans on pairwise projects only.</p>;
  if (!models.scoreSets.length) return <p className="text-sm text-slate-500">No model scores uploaded yet (POST /api/v1/projects/&#123;id&#125;/scores).</p>;
  const aspectKeys = [...new Set(models.scoreSets.flatMap((s) => Object.keys(s.aspects)))];
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="models-table">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2">Score set</th>
            <th scope="col" className="px-3 py-2 text-right">Pairs</th>
            <th scope="col" className="px-3 py-2 text-right">Accuracy (95% CI)</th>
            {aspectKeys.map((key) => (
              <th key={key} scope="col" className="px-3 py-2 text-right">{key}</th>
            ))}
            <th scope="col" className="px-3 py-2 text-right">Left out</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {models.scoreSets.map((set) => (
            <tr key={set.name} data-testid={`model-row-${set.name}`}>
              <td className="px-3 py-2 font-medium">{set.name}</td>
              <td className="px-3 py-2 text-right tabular-nums">{count(set.pairs)}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {percent(set.accuracy)} <span className="text-xs text-slate-500">{interval(set.ci95, (v) => percent(v, 0)) ?? ""}</span>
              </td>
              {aspectKeys.map((key) => {
                const a = set.aspects[key];
                return (
                  <td key={key} className="px-3 py-2 text-right tabular-nums" title={a ? `${a.agreements} of ${a.pairs} pairs; 95% CI ${interval(a.ci95, (v) => percent(v, 0))}` : undefined}>
                    {a ? percent(a.accuracy) : "—"}
                  </td>
                );
              })}
              <td className="px-3 py-2 text-right tabular-nums text-slate-500" title="equal scores or humans split evenly">{count(set.leftOut)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
