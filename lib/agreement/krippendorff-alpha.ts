import { buildCoincidenceMatrix } from "./build-coincidence-matrix";

export type TAlphaLevel = "nominal" | "ordinal" | "interval" | "ratio";

/** δ²_ck for one metric; ordinal needs the marginals n_g, the others only the values. */
function squaredDistances(values: ReadonlyArray<number>, marginals: Float64Array, level: TAlphaLevel): Float64Array {
  const L = values.length;
  const delta = new Float64Array(L * L);
  for (let c = 0; c < L; c++) {
    let between = marginals[c];
    for (let k = c + 1; k < L; k++) {
      between += marginals[k];
      const a = values[c];
      const b = values[k];
      let d: number;
      if (level === "nominal") d = 1;
      else if (level === "interval") d = (a - b) * (a - b);
      else if (level === "ratio") d = a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2;
      else d = (between - (marginals[c] + marginals[k]) / 2) ** 2;
      delta[c * L + k] = d;
      delta[k * L + c] = d;
    }
  }
  return delta;
}

/**
 * α = 1 − D_o/D_e from a coincidence matrix over ascending values. Null when it is undefined:
 * fewer than two pairable values, or no expected disagreement (every value identical).
 */
export function alphaFromCoincidences({
  values,
  matrix,
  level,
}: {
  values: ReadonlyArray<number>;
  matrix: ArrayLike<number>;
  level: TAlphaLevel;
}): number | null {
  const L = values.length;
  const marginals = new Float64Array(L);
  let n = 0;
  for (let c = 0; c < L; c++) {
    for (let k = 0; k < L; k++) marginals[c] += matrix[c * L + k];
    n += marginals[c];
  }
  if (n < 2) return null;
  const delta = squaredDistances(values, marginals, level);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < L; c++) {
    for (let k = 0; k < L; k++) {
      const d = delta[c * L + k];
      if (d === 0) continue;
      observed += matrix[c * L + k] * d;
      expected += marginals[c] * marginals[k] * d;
    }
  }
  if (expected <= 0) return null;
  // D_o = observed / n and D_e = expected / (n(n − 1)): the common 1/n cancels
  return 1 - ((n - 1) * observed) / expected;
}

/**
 * Krippendorff's α. units: one array per unit with the value each coder gave, null (or absent)
 * for a missing rating, so unequal coder counts need nothing special.
 */
export function krippendorffAlpha({
  units,
  level,
}: {
  units: ReadonlyArray<ReadonlyArray<number | null | undefined>>;
  level: TAlphaLevel;
}): number | null {
  return alphaFromCoincidences({ ...buildCoincidenceMatrix({ units }), level });
}
