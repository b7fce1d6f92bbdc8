/**
 * Inverse of a symmetric positive-definite matrix by Cholesky. The Bradley–Terry information
 * matrices here are small (responses per prompt, models per project) and made positive
 * definite by the ridge, so Cholesky is exact enough and fails loudly if that ever breaks.
 */
export function invertSymmetric(matrix: readonly (readonly number[])[]): number[][] {
  const n = matrix.length;
  const lower = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let r = 0; r < n; r++) {
    for (let c = 0; c <= r; c++) {
      let sum = matrix[r][c];
      for (let k = 0; k < c; k++) sum -= lower[r][k] * lower[c][k];
      if (r === c) {
        if (!(sum > 0)) throw new RangeError("matrix is not positive definite");
        lower[r][r] = Math.sqrt(sum);
      } else {
        lower[r][c] = sum / lower[c][c];
      }
    }
  }
  // Invert L column by column (forward substitution), then A⁻¹ = L⁻ᵀ L⁻¹.
  const lowerInverse = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let c = 0; c < n; c++) {
    for (let r = c; r < n; r++) {
      let sum = r === c ? 1 : 0;
      for (let k = c; k < r; k++) sum -= lower[r][k] * lowerInverse[k][c];
      lowerInverse[r][c] = sum / lower[r][r];
    }
  }
  const inverse = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let r = 0; r < n; r++) {
    for (let c = 0; c <= r; c++) {
      let sum = 0;
      for (let k = r; k < n; k++) sum += lowerInverse[k][r] * lowerInverse[k][c];
      inverse[r][c] = sum;
      inverse[c][r] = sum;
    }
  }
  return inverse;
}
