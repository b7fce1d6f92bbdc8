import type { TItemResponseSummary, TItemSummary } from "@/lib/items/list-items";
import type { TGold } from "@/lib/items/schemas";
import { GoldEditor } from "./gold-editor";

function describeGold(gold: TGold): string {
  const [first, second] = gold.responses;
  if (gold.preference === 0) return `${first} = ${second} (tie)`;
  const [better, worse] = gold.preference < 0 ? [first, second] : [second, first];
  return `${better} ≻ ${worse} (${gold.preference > 0 ? "+" : ""}${gold.preference})`;
}

function ResponseLine({ response }: { response: TItemResponseSummary }) {
  const scores = Object.entries(response.scores ?? {});
  return (
    <li className="flex flex-wrap items-baseline gap-x-2">
      <span className="font-mono text-slate-500">{response.id}</span>
      <span className="font-medium">{response.model}</span>
      {scores.map(([name, value]) => (
        <span key={name} className="rounded bg-slate-100 px-1.5 text-slate-600">{name} {Number.isInteger(value) ? value : value.toFixed(3)}</span>
      ))}
      {response.tests && (
        <span className={`rounded px-1.5 ${response.tests.passed === response.tests.total ? "bg-green-50 text-green-700" : "bg-amber-50 text-amber-800"}`}>
          tests {response.tests.passed}/{response.tests.total}
        </span>
      )}
    </li>
  );
}

export function ItemsTable({ projectId, items, canSetGold }: { projectId: string; items: TItemSummary[]; canSetGold: boolean }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm" data-testid="items-table">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2">Item</th>
            <th scope="col" className="px-4 py-2">Responses (model, scores, tests)</th>
            <th scope="col" className="px-4 py-2 text-right">Units</th>
            <th scope="col" className="px-4 py-2 text-right">Judgments</th>
            <th scope="col" className="px-4 py-2">Gold</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {items.map((item) => (
            <tr key={item.id} data-testid={`item-row-${item.id}`}>
              <td className="max-w-xs px-4 py-3">
                <div className="flex items-center gap-2">
                  <span className="font-mono text-sm font-medium">{item.id}</span>
                  <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600">{item.language}</span>
                </div>
                <p className="mt-1 line-clamp-2 text-xs text-slate-600" title={item.promptExcerpt}>{item.promptExcerpt}</p>
              </td>
              <td className="px-4 py-3">
                <p className="mb-1 text-xs text-slate-500">{item.responses.length} response{item.responses.length === 1 ? "" : "s"}</p>
                <ul className="space-y-0.5 text-xs">{item.responses.map((r) => <ResponseLine key={r.id} response={r} />)}</ul>
              </td>
              <td className="px-4 py-3 text-right tabular-nums">{item.units}</td>
              <td className="px-4 py-3 text-right tabular-nums">{item.judgments}</td>
              <td className="px-4 py-3">
                {item.isGold && (
                  <span className="mb-1 inline-block rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800" data-testid="gold-badge">
                    gold{item.gold ? ` · ${describeGold(item.gold)}` : ""}
                  </span>
                )}
                {canSetGold && item.responses.length >= 2 && (
                  <GoldEditor projectId={projectId} itemId={item.id} responses={item.responses.map(({ id, model }) => ({ id, model }))} gold={item.gold} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
