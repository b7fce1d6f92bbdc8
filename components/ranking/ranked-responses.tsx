import type { TRankings } from "@/lib/ranking/schemas";
import { scoreScale } from "./score-scale";

type TItem = TRankings["items"][number];
const WIDTH = 260;

// One prompt's responses best first, each as score ± sd on the Bradley–Terry logit scale.
export function RankedResponses({ item }: { item: TItem }) {
  const labels = item.responses.reduce((s, r) => s + r.judgments, 0) / 2;
  const { x } = scoreScale(item.responses.flatMap((r) => [r.score - r.sd, r.score + r.sd]), WIDTH);
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3" data-testid="ranked-item">
      <div className="mb-2 flex items-baseline justify-between text-sm">
        <span className="font-medium text-slate-800">{item.item}</span>
        <span className="text-xs text-slate-500">{labels} label{labels === 1 ? "" : "s"} spent</span>
      </div>
      <table className="w-full text-xs">
        <tbody>
          {item.responses.map((r, k) => (
            <tr key={r.id}>
              <td className="w-6 text-slate-400">{k + 1}</td>
              <td className="pr-2 font-mono">{r.id}</td>
              <td className="pr-2 text-slate-500">{r.model}</td>
              <td className="tabular-nums pr-2">{r.score.toFixed(2)} ± {r.sd.toFixed(2)}</td>
              <td>
                <svg width={WIDTH} height={14} role="img" aria-label={`${r.id}: ${r.score.toFixed(2)} ± ${r.sd.toFixed(2)}`}>
                  <line x1={x(0)} x2={x(0)} y1={0} y2={14} stroke="#cbd5e1" />
                  <line x1={x(r.score - r.sd)} x2={x(r.score + r.sd)} y1={7} y2={7} stroke="#64748b" strokeWidth={2} />
                  <circle cx={x(r.score)} cy={7} r={3.5} fill="#0f172a" />
                </svg>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
