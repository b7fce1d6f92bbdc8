import type { CurvePoint } from "./find-labels-to-reach";

export type CurveSeries = { name: string; points: readonly CurvePoint[]; sd?: readonly number[] };

export type RenderCurvesSvgOptions = {
  title: string;
  xLabel: string;
  yLabel: string;
  /** Right end of the x axis (labels budget); the y axis is τ from 0 to 1. */
  xMax: number;
  /** Horizontal reference lines, e.g. the τ targets. */
  guides: readonly number[];
  series: readonly CurveSeries[];
};

const COLORS = ["#6b7280", "#a16207", "#2563eb", "#dc2626", "#059669", "#7c3aed"];
const DASHES = ["", "6 4", "", "", "2 3", "8 3 2 3"];

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * A dependency-free line chart of quality curves (written by hand so the benchmark needs no
 * plotting package): one polyline per series, an optional ±sd band, gridlines, guides, legend.
 */
export function renderCurvesSvg(options: RenderCurvesSvgOptions): string {
  const { xMax, guides, series } = options;
  const width = 760;
  const height = 460;
  const margin = { left: 64, right: 24, top: 40, bottom: 56 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const x = (labels: number) => (margin.left + (labels / xMax) * plotW).toFixed(1);
  const y = (tau: number) => (margin.top + (1 - Math.max(0, Math.min(1, tau))) * plotH).toFixed(1);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${width / 2}" y="22" text-anchor="middle" font-size="15">${escapeXml(options.title)}</text>`,
  ];
  for (let tick = 0; tick <= 5; tick++) {
    const tau = tick / 5;
    parts.push(`<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${y(tau)}" y2="${y(tau)}" stroke="#e5e7eb"/>`);
    parts.push(`<text x="${margin.left - 8}" y="${Number(y(tau)) + 4}" text-anchor="end">${tau.toFixed(1)}</text>`);
  }
  for (let tick = 0; tick <= 6; tick++) {
    const labels = (xMax * tick) / 6;
    parts.push(`<line x1="${x(labels)}" x2="${x(labels)}" y1="${margin.top}" y2="${margin.top + plotH}" stroke="#f3f4f6"/>`);
    parts.push(`<text x="${x(labels)}" y="${margin.top + plotH + 18}" text-anchor="middle">${Math.round(labels).toLocaleString("en-US")}</text>`);
  }
  for (const guide of guides) {
    parts.push(`<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${y(guide)}" y2="${y(guide)}" stroke="#111827" stroke-dasharray="2 4"/>`);
    // Below the line at the right edge: curves approach a target from below and sit above it there.
    parts.push(`<text x="${margin.left + plotW - 6}" y="${Number(y(guide)) + 15}" text-anchor="end" fill="#374151">τ = ${guide}</text>`);
  }
  series.forEach((s, k) => {
    const color = COLORS[k % COLORS.length];
    const dash = DASHES[k % DASHES.length];
    if (s.sd) {
      const sd = s.sd;
      const upper = s.points.map((p, n) => `${x(p.labels)},${y(p.tau + sd[n])}`);
      const lower = s.points.map((p, n) => `${x(p.labels)},${y(p.tau - sd[n])}`).reverse();
      parts.push(`<polygon points="${[...upper, ...lower].join(" ")}" fill="${color}" fill-opacity="0.12" stroke="none"/>`);
    }
    parts.push(`<polyline points="${s.points.map((p) => `${x(p.labels)},${y(p.tau)}`).join(" ")}" fill="none" stroke="${color}" stroke-width="2" stroke-dasharray="${dash}"/>`);
    const legendY = margin.top + plotH - 20 - (series.length - 1 - k) * 20;
    parts.push(`<line x1="${margin.left + plotW - 150}" x2="${margin.left + plotW - 120}" y1="${legendY}" y2="${legendY}" stroke="${color}" stroke-width="2" stroke-dasharray="${dash}"/>`);
    parts.push(`<text x="${margin.left + plotW - 112}" y="${legendY + 4}">${escapeXml(s.name)}</text>`);
  });
  parts.push(`<rect x="${margin.left}" y="${margin.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#9ca3af"/>`);
  parts.push(`<text x="${margin.left + plotW / 2}" y="${height - 14}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`);
  parts.push(`<text transform="translate(18 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeXml(options.yLabel)}</text>`);
  parts.push("</svg>");
  return parts.join("\n") + "\n";
}
