import type { TConfidencePoint } from "@/lib/ranking/schemas";

const W = 520;
const H = 220;
const PAD = { left: 44, right: 12, top: 12, bottom: 32 };

// Mean posterior probability that adjacent responses are in the right order, against labels spent.
export function ConfidenceChart({ points }: { points: TConfidencePoint[] }) {
  const maxLabels = Math.max(1, ...points.map((p) => p.labels));
  const x = (labels: number) => PAD.left + (labels / maxLabels) * (W - PAD.left - PAD.right);
  const y = (p: number) => PAD.top + (1 - (p - 0.5) / 0.5) * (H - PAD.top - PAD.bottom);
  const path = points.map((p, k) => `${k ? "L" : "M"}${x(p.labels).toFixed(1)},${y(p.meanCorrectOrderProbability).toFixed(1)}`).join(" ");
  const last = points.at(-1);
  return (
    <figure data-testid="confidence-chart">
      <svg width={W} height={H} role="img" aria-label="Ranking confidence against labels spent" className="rounded border border-slate-200 bg-white">
        {[0.5, 0.75, 1].map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#e2e8f0" />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize={10} fill="#64748b">{t.toFixed(2)}</text>
          </g>
        ))}
        <text x={PAD.left} y={H - 8} fontSize={10} fill="#64748b">0</text>
        <text x={W - PAD.right} y={H - 8} fontSize={10} fill="#64748b" textAnchor="end">{maxLabels.toLocaleString("en-US")} labels</text>
        <path d={path} fill="none" stroke="#0f766e" strokeWidth={2} />
      </svg>
      <figcaption className="mt-1 text-xs text-slate-500">
        Mean over prompts of P(adjacent responses correctly ordered) under the online posterior, judgments replayed in time order
        {last ? `; now ${last.meanCorrectOrderProbability.toFixed(3)}, mean posterior sd ${last.meanSd.toFixed(3)}` : ""}.
      </figcaption>
    </figure>
  );
}
