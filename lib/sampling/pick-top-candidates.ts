export type PickTopCandidatesOptions = {
  /** Priority of every row. */
  priorities: ArrayLike<number>;
  /** Non-zero marks a row as ineligible (leased, or already judged by this rater). */
  excluded?: ArrayLike<number>;
  /** How many to keep: the "top few dozen" the server fetches before sampling. */
  limit: number;
};

export type TopCandidates = { rows: number[]; priorities: number[] };

/**
 * In-memory stand-in for the server's `ORDER BY priority DESC LIMIT n` over eligible rows: one
 * pass holding the best `limit` seen so far. Rows come back best first, ties by lower row.
 * Plain arrays rather than callbacks because the simulation runs this once per judgment over
 * every pair of every prompt.
 */
export function pickTopCandidates(options: PickTopCandidatesOptions): TopCandidates {
  const { priorities: all, excluded, limit } = options;
  const rows: number[] = [];
  const priorities: number[] = [];
  let worst = 0;
  let cutoff = -Infinity;
  for (let row = 0; row < all.length; row++) {
    const priority = all[row];
    if (rows.length === limit && priority <= cutoff) continue;
    if (excluded && excluded[row] !== 0) continue;
    if (rows.length < limit) {
      rows.push(row);
      priorities.push(priority);
    } else {
      rows[worst] = row;
      priorities[worst] = priority;
    }
    if (rows.length === limit) {
      worst = 0;
      for (let k = 1; k < limit; k++) if (priorities[k] < priorities[worst]) worst = k;
      cutoff = priorities[worst];
    }
  }
  const order = rows.map((_, k) => k).sort((a, b) => priorities[b] - priorities[a] || rows[a] - rows[b]);
  return { rows: order.map((k) => rows[k]), priorities: order.map((k) => priorities[k]) };
}
