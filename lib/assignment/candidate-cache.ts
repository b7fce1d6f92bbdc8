/** A unit the active choice may draw, with its materialised priority (and its item, when known). */
export type TCandidate = { id: string; priority: number; itemId?: string };

type TEntry = { rows: TCandidate[]; fetchedAt: number; refreshing: Promise<void> | null; isReadEmpty: boolean };

/**
 * The top units by priority of each (project, branch), kept in process memory for `ttlMs` and
 * shared by every request the process serves. Without it each request read the top rows of the
 * priority index itself, and under load that read walked the index entries that every rescoring
 * leaves dead at the top (the most often rescored pairs are the ones at the top): some 640 buffer
 * reads, 0.9 ms of Postgres CPU per choice, the largest single cost of active over random.
 *
 * - The first request for a key waits for the read; later ones get the rows at once, and a stale
 *   entry is refreshed in the background (one read per key at a time; a failed refresh keeps the
 *   old rows until the next try).
 * - Not filtered per rater: the lease statement checks that the rater has never had the unit.
 * - `drop` removes the rows a caller says are no longer worth drawing in this window (a unit a
 *   lease found closed or held; the item of a unit just leased), so later requests do not draw them.
 * - The priorities are at most `ttlMs` old: a judgment's rescoring reaches choices made after the
 *   next refresh. ttlMs = 0 reads on every call (no caching).
 */
export class CandidateCache {
  private readonly entries = new Map<string, TEntry>();

  constructor(private readonly opts: { ttlMs: number; now?: () => number }) {}

  private now(): number {
    return this.opts.now ? this.opts.now() : Date.now();
  }

  async get(key: string, fetch: () => Promise<TCandidate[]>): Promise<TCandidate[]> {
    if (this.opts.ttlMs <= 0) return fetch();
    const entry = this.entries.get(key);
    if (!entry) {
      const rows = await fetch();
      // a concurrent first read may have stored its rows already: the later read wins, both are fresh
      this.entries.set(key, { rows, fetchedAt: this.now(), refreshing: null, isReadEmpty: rows.length === 0 });
      return rows;
    }
    if (this.now() - entry.fetchedAt >= this.opts.ttlMs && !entry.refreshing) {
      entry.refreshing = fetch()
        .then((rows) => {
          entry.rows = rows;
          entry.fetchedAt = this.now();
          entry.isReadEmpty = rows.length === 0;
        })
        .catch(() => undefined)
        .finally(() => {
          entry.refreshing = null;
        });
    }
    return entry.rows;
  }

  drop(key: string, isDropped: (c: TCandidate) => boolean): void {
    const entry = this.entries.get(key);
    if (entry) entry.rows = entry.rows.filter((c) => !isDropped(c));
  }

  /**
   * Whether the last read for `key` found nothing at all (not: its rows were all dropped since).
   * Nothing then matched for any rater, so a narrower per-rater read would find nothing either.
   */
  wasReadEmpty(key: string): boolean {
    return this.entries.get(key)?.isReadEmpty ?? false;
  }

  /** Waits for background refreshes in flight (tests). */
  async settle(): Promise<void> {
    await Promise.all([...this.entries.values()].map((e) => e.refreshing));
  }
}

/** The first (best) row of each item, in order, up to `limit` rows. */
export function bestPairPerItem(rows: TCandidate[], limit: number): TCandidate[] {
  const seen = new Set<string | undefined>();
  const kept: TCandidate[] = [];
  for (const row of rows) {
    if (kept.length >= limit) break;
    if (row.itemId !== undefined && seen.has(row.itemId)) continue;
    seen.add(row.itemId);
    kept.push(row);
  }
  return kept;
}
