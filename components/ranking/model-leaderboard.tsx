import type { TRankings } from "@/lib/ranking/schemas";
import { scoreScale } from "./score-scale";

const WIDTH = 320;

// Models best first with their 95 % bootstrap intervals (inverse-propensity weighted when active).
export function ModelLeaderboard({ models }: { models: TRankings["models"] }) {
  if (!models.length) return <p className="text-sm text-slate-500">No judgments between different models yet.</p>;
  const { x } = scoreScale(models.flatMap((m) => m.ci95), WIDTH);
  return (
    <table className="text-sm" data-testid="model-leaderboard">
      <thead className="text-left text-xs uppercase text-slate-500">
        <tr><th className="pr-3">#</th><th className="pr-3">model</th><th className="pr-3">score</th><th className="pr-3">95 % interval</th><th className="pr-3">judgments</th><th /></tr>
      </thead>
      <tbody>
        {models.map((m, k) => (
          <tr key={m.model}>
            <td className="pr-3 text-slate-400">{k + 1}</td>
            <td className="pr-3 font-medium">{m.model}</td>
            <td className="pr-3 tabular-nums">{m.score.toFixed(2)}</td>
            <td className="pr-3 tabular-nums">[{m.ci95[0].toFixed(2)}, {m.ci95[1].toFixed(2)}]</td>
            <td className="pr-3 tabular-nums">{m.judgments}</td>
            <td>
              <svg width={WIDTH} height={16} role="img" aria-label={`${m.model} interval`}>
                <line x1={x(0)} x2={x(0)} y1={0} y2={16} stroke="#cbd5e1" />
                <line x1={x(m.ci95[0])} x2={x(m.ci95[1])} y1={8} y2={8} stroke="#2563eb" strokeWidth={3} />
                <circle cx={x(m.score)} cy={8} r={4} fill="#1e3a8a" />
              </svg>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
