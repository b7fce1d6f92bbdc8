import type { TInterval } from "@/lib/agreement";

export const DASH = "—";

/** 0.7261 → "72.6%" */
export function percent(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || !Number.isFinite(value) ? DASH : `${(value * 100).toFixed(digits)}%`;
}

/** a statistic on its own scale: 0.4123 → "0.412" */
export function decimal(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined || !Number.isFinite(value) ? DASH : value.toFixed(digits);
}

export function count(value: number): string {
  return value.toLocaleString("en-US");
}

export function interval(ci: TInterval | null | undefined, format: (v: number) => string = (v) => decimal(v)): string | null {
  return ci ? `[${format(ci[0])}, ${format(ci[1])}]` : null;
}

/** p-values: small ones in scientific notation, so 1e-12 does not read as 0.000 */
export function pValue(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return DASH;
  return p < 0.001 ? p.toExponential(1) : p.toFixed(3);
}
