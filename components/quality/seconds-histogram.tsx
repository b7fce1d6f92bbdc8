import type { TSecondsHistogram } from "@/lib/quality/types";
import { count } from "./format";

const WIDTH = 720;
const HEIGHT = 200;
const PAD = { left: 48, right: 12, top: 12, bottom: 36 };

const label = (seconds: number) => (seconds >= 60 ? `${seconds / 60}m` : `${seconds}s`);

/** How long judgments took (active time): one bar per bin, bins widening with time. */
export function SecondsHistogram({ histogram }: { histogram: TSecondsHistogram }) {
  const { edges, counts, untimed } = histogram;
  const max = Math.max(1, ...counts);
  const barWidth = (WIDTH - PAD.left - PAD.right) / counts.length;
  const y = (n: number) => PAD.top + (1 - n / max) * (HEIGHT - PAD.top - PAD.bottom);
  return (
    <figure>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="w-full max-w-3xl" role="img" aria-label="Histogram of active seconds per judgment" data-testid="seconds-histogram">
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} stroke="#94a3b8" />
        <text x={PAD.left - 6} y={y(max) + 4} fontSize={10} textAnchor="end" fill="#64748b">{count(max)}</text>
        <text x={PAD.left - 6} y={y(0)} fontSize={10} textAnchor="end" fill="#64748b">0</text>
        {counts.map((n, i) => {
          const range = edges[i + 1] === undefined ? `≥ ${label(edges[i])}` : `${label(edges[i])}–${label(edges[i + 1])}`;
          return (
            <g key={edges[i]}>
              <title>{`${range}: ${count(n)} judgments`}</title>
              <rect x={PAD.left + i * barWidth + 2} y={y(n)} width={barWidth - 4} height={y(0) - y(n)} fill="#3b82f6" rx={2} />
              <text x={PAD.left + i * barWidth + barWidth / 2} y={HEIGHT - PAD.bottom + 14} fontSize={10} textAnchor="middle" fill="#64748b">{label(edges[i])}</text>
            </g>
          );
        })}
        <text x={WIDTH - PAD.right} y={HEIGHT - 4} fontSize={10} textAnchor="end" fill="#64748b">bin start (active time)</text>
      </svg>
      {untimed > 0 && <figcaption className="text-xs text-slate-500">{count(untimed)} judgment(s) without a recorded active time are not shown.</figcaption>}
    </figure>
  );
}
