// One horizontal scale shared by the bar charts: logit scores mapped onto an SVG width.
export function scoreScale(values: number[], width: number, pad = 8) {
  const lo = Math.min(-1, ...values);
  const hi = Math.max(1, ...values);
  const x = (v: number) => pad + ((v - lo) / (hi - lo)) * (width - 2 * pad);
  return { x, lo, hi };
}
