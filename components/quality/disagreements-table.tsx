import type { TModelsVersusHumans } from "@/lib/quality/types";
import { decimal, percent } from "./format";

/** Pairs where a model is most sure and the humans clearly chose the other response. */
export function DisagreementsTable({ models }: { models: TModelsVersusHumans }) {
  if (!models.disagreements.length) return <p className="text-sm text-slate-500" data-testid="disagreements-empty">No confident disagreements.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="disagreements-table">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2">Score set</th>
            <th scope="col" className="px-3 py-2">Item</th>
            <th scope="col" className="px-3 py-2">First / second response</th>
            <th scope="col" className="px-3 py-2 text-right">Score gap</th>
            <th scope="col" className="px-3 py-2 text-right">Human mean</th>
            <th scope="col" className="px-3 py-2 text-right">Humans agree</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {models.disagreements.map((d) => (
            <tr key={`${d.scoreSet}-${d.unit}`}>
              <td className="px-3 py-2">{d.scoreSet}</td>
              <td className="px-3 py-2 font-mono text-xs">{d.item}</td>
              <td className="px-3 py-2 font-mono text-xs" title={`${d.models[0]} vs ${d.models[1]}`}>{d.responses[0]} / {d.responses[1]}</td>
              <td className="px-3 py-2 text-right tabular-nums" title="score(second) − score(first)">{decimal(d.scoreGap, 2)}</td>
              <td className="px-3 py-2 text-right tabular-nums" title="−3 first much better … +3 second much better">{decimal(d.humanMean, 2)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{percent(d.humanAgreement, 0)} of {d.judgments}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
