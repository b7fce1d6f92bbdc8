// R's binom.test treats probabilities within this relative margin of the observed one as equal,
// so symmetric outcomes are not lost to rounding.
const RELATIVE_TIE = 1e-7;
// below log(2^-1075), Math.exp returns 0 (with margin: exp(-746) already underflows)
const EXP_UNDERFLOW = -746;

/**
 * Exact two-sided binomial test: the sum of the probabilities of every outcome no more likely
 * than the observed one. Works in log space (the pmf is built by recurrence from k = 0), so
 * thousands of trials neither overflow binomial coefficients nor underflow to a 0/0.
 * Null when there are no trials.
 */
export function binomialTest({ successes, trials, p = 0.5 }: { successes: number; trials: number; p?: number }): number | null {
  if (!Number.isInteger(trials) || trials < 0) throw new RangeError(`trials must be a non-negative integer, got ${trials}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > trials) {
    throw new RangeError(`successes must be an integer in 0..${trials}, got ${successes}`);
  }
  if (!(p > 0 && p < 1)) throw new RangeError(`p must lie strictly between 0 and 1, got ${p}`);
  if (trials === 0) return null;

  const logPmf = new Float64Array(trials + 1);
  const logOdds = Math.log(p) - Math.log1p(-p);
  logPmf[0] = trials * Math.log1p(-p);
  for (let i = 0; i < trials; i++) logPmf[i + 1] = logPmf[i] + Math.log((trials - i) / (i + 1)) + logOdds;

  const threshold = logPmf[successes] + Math.log1p(RELATIVE_TIE);
  let maxIncluded = -Infinity;
  let included = 0;
  for (let i = 0; i <= trials; i++) {
    if (logPmf[i] > threshold) continue;
    included++;
    if (logPmf[i] > maxIncluded) maxIncluded = logPmf[i];
  }
  // every outcome counted: the answer is exactly 1, not 1 minus accumulated rounding
  if (included === trials + 1) return 1;
  // exp of anything below this is exactly 0: adding it changes nothing, so it is not computed
  const floor = maxIncluded + EXP_UNDERFLOW;
  let scaledSum = 0;
  for (let i = 0; i <= trials; i++) if (logPmf[i] <= threshold && logPmf[i] >= floor) scaledSum += Math.exp(logPmf[i] - maxIncluded);
  return Math.min(1, Math.exp(maxIncluded + Math.log(scaledSum)));
}
