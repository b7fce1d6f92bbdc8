// Krippendorff's coincidence matrix: o_ck = Σ_u (ordered pairs c–k within unit u) / (m_u − 1).

export type TCoincidences = {
  /** distinct pairable values, ascending; row/column order of the matrix */
  values: number[];
  /** values.length² entries, row-major */
  matrix: Float64Array;
};

type TUnitValues = ReadonlyArray<number | null | undefined>;

function pairableValues(unit: TUnitValues): number[] {
  const present: number[] = [];
  for (const v of unit) if (v !== null && v !== undefined) present.push(v);
  return present;
}

/** Adds one unit given as counts per level at counts[offset .. offset + L). */
function addUnitCoincidences(matrix: Float64Array, counts: ArrayLike<number>, offset: number, levelCount: number): void {
  let m = 0;
  for (let l = 0; l < levelCount; l++) m += counts[offset + l];
  if (m < 2) return;
  const scale = 1 / (m - 1);
  for (let c = 0; c < levelCount; c++) {
    const nc = counts[offset + c];
    if (nc === 0) continue;
    const row = c * levelCount;
    matrix[row + c] += nc * (nc - 1) * scale;
    for (let k = c + 1; k < levelCount; k++) {
      const nk = counts[offset + k];
      if (nk === 0) continue;
      const o = nc * nk * scale;
      matrix[row + k] += o;
      matrix[k * levelCount + c] += o;
    }
  }
}

/** units: the values each unit received, null for a missing rating; units with < 2 values drop out. */
export function buildCoincidenceMatrix({ units }: { units: ReadonlyArray<TUnitValues> }): TCoincidences {
  const pairable = units.map(pairableValues).filter((vs) => vs.length >= 2);
  for (const vs of pairable) {
    for (const v of vs) if (!Number.isFinite(v)) throw new RangeError(`values must be finite numbers, got ${v}`);
  }
  const values = [...new Set(pairable.flat())].sort((a, b) => a - b);
  const levelOf = new Map(values.map((v, i) => [v, i]));
  const L = values.length;
  const matrix = new Float64Array(L * L);
  const counts = new Float64Array(L);
  for (const vs of pairable) {
    counts.fill(0);
    for (const v of vs) counts[levelOf.get(v) as number]++;
    addUnitCoincidences(matrix, counts, 0, L);
  }
  return { values, matrix };
}
