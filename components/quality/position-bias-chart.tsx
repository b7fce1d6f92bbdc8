import type { TQualityRater } from "@/lib/quality/types";
import { percent, pValue } from "./format";

const WIDTH = 720;
const LEFT = 200;
const RIGHT = 60;
const ROW = 18;

/**
 * Per rater, the share of decided judgments won by the left slot, with 0.5 marked. Red bars
 * differ from 0.5 at p < 0.05 (two-sided exact binomial test); with many raters some will by chance.
 */
export function PositionBiasChart({ raters }: { raters: TQualityRater[] }) {
  const shown = raters.filter((r) => r.leftRate !== null);
  if (!shown.length) return <p className="text-sm text-slate-500">No decided pairwise judgments yet.</p>;
  const height = shown.length * ROW + 28;
  const x = (v: number) => LEFT + v * (WIDTH - LEFT - RIGHT);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} className="w-full max-w-3xl" role="img" aria-label="Left-slot win rate per rater" data-testid="position-bias-chart">
      {[0, 0.25, 0.5, 0.75, 1].map((t) => (
        <text key={t} x={x(t)} y={height - 4} fontSize={10} textAnchor="middle" fill="#64748b">{t}</text>
      ))}
      {shown.map((r, i) => {
        const rate = r.leftRate as number;
        const isBiased = r.leftPValue !== null && r.leftPValue < 0.05;
        const y = 4 + i * ROW;
        const name = r.email ?? r.rater;
        return (
          <g key={r.rater} data-testid={`bias-row-${name}`}>
            <title>{`${name}: left wins ${percent(rate)} (p = ${pValue(r.leftPValue)})`}</title>
            <text x={LEFT - 8} y={y + 11} fontSize={11} textAnchor="end" fill="#0f172a">{name.length > 30 ? `${name.slice(0, 29)}…` : name}</text>
            <rect x={x(0)} y={y + 2} width={x(rate) - x(0)} height={ROW - 6} fill={isBiased ? "#ef4444" : "#94a3b8"} rx={2} />
            <text x={x(rate) + 4} y={y + 11} fontSize={10} fill="#475569">{percent(rate, 0)}</text>
          </g>
        );
      })}
      <line x1={x(0.5)} x2={x(0.5)} y1={0} y2={height - 16} stroke="#0f172a" strokeDasharray="4 3" />
    </svg>
  );
}
