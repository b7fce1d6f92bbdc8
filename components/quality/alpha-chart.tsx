import type { TAgreementStats } from "@/lib/agreement";
import { decimal, interval } from "./format";

const LEVELS = [
  { key: "nominal", label: "nominal", color: "#64748b" },
  { key: "ordinal", label: "ordinal", color: "#2563eb" },
  { key: "interval", label: "interval", color: "#9333ea" },
] as const;

const WIDTH = 720;
const LEFT = 130;
const RIGHT = 20;
const ROW = 34;
const TOP = 26;

/**
 * Krippendorff's α per target (overall, then each aspect) at the three levels, with 95% bootstrap
 * intervals when computed. Dashed lines at 0.667 and 0.8, Krippendorff's thresholds for
 * tentative and reliable conclusions.
 */
export function AlphaChart({ rows }: { rows: Array<{ label: string; stats: TAgreementStats }> }) {
  const values = rows.flatMap(({ stats }) =>
    LEVELS.flatMap(({ key }) => [stats.krippendorffAlpha[key], ...(stats.ci95?.krippendorffAlpha[key] ?? [])]),
  ).filter((v): v is number => v !== null && Number.isFinite(v));
  const min = Math.max(-1, Math.min(-0.2, ...values));
  const x = (v: number) => LEFT + ((v - min) / (1 - min)) * (WIDTH - LEFT - RIGHT);
  const height = TOP + rows.length * ROW + 24;
  const ticks = [min, ...[0, 0.2, 0.4, 0.6, 0.8, 1].filter((t) => t > min + 0.05)];
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} className="w-full max-w-3xl" role="img" aria-label="Krippendorff's alpha per aspect with 95% intervals" data-testid="alpha-chart">
      {LEVELS.map((level, i) => (
        <g key={level.key} transform={`translate(${LEFT + i * 90}, 10)`}>
          <circle r={4} cx={4} cy={0} fill={level.color} />
          <text x={12} y={4} fontSize={11} fill="#475569">α {level.label}</text>
        </g>
      ))}
      {ticks.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={TOP} y2={height - 20} stroke={t === 0 ? "#94a3b8" : "#e2e8f0"} />
          <text x={x(t)} y={height - 6} fontSize={10} textAnchor="middle" fill="#64748b">{t.toFixed(1)}</text>
        </g>
      ))}
      {[0.667, 0.8].map((t) => (
        <line key={t} x1={x(t)} x2={x(t)} y1={TOP} y2={height - 20} stroke="#16a34a" strokeDasharray="3 3" opacity={0.6} />
      ))}
      {rows.map(({ label, stats }, r) => {
        const y0 = TOP + r * ROW;
        return (
          <g key={label} data-testid={`alpha-row-${label}`}>
            <text x={LEFT - 8} y={y0 + ROW / 2 + 4} fontSize={12} textAnchor="end" fill="#0f172a">{label}</text>
            {LEVELS.every(({ key }) => stats.krippendorffAlpha[key] === null) && (
              <text x={LEFT + 8} y={y0 + ROW / 2 + 4} fontSize={11} fill="#94a3b8">no pair of ratings yet</text>
            )}
            {LEVELS.map((level, i) => {
              const value = stats.krippendorffAlpha[level.key];
              const ci = stats.ci95?.krippendorffAlpha[level.key] ?? null;
              const y = y0 + 8 + i * 9;
              if (value === null) return null;
              return (
                <g key={level.key}>
                  <title>{`${label}: α ${level.label} ${decimal(value)}${ci ? ` (95% CI ${interval(ci)})` : ""}`}</title>
                  {ci && <line x1={x(Math.max(min, ci[0]))} x2={x(ci[1])} y1={y} y2={y} stroke={level.color} strokeWidth={2} opacity={0.5} />}
                  <circle cx={x(Math.max(min, value))} cy={y} r={4} fill={level.color} />
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
