/**
 * A small in-process cache for quality views that are expensive to compute (seconds for a
 * million judgments) and cheap to validate. Each entry remembers the fingerprint it was computed
 * for; a different fingerprint is a miss. Entries also expire after `ttlMs`, which bounds how
 * stale the parts the fingerprint does not watch (skips) can get. Bounded by entry count, least
 * recently used out first. Losing it (a restart, another server) only costs a recomputation.
 * Concurrent misses on the same key and fingerprint share one computation.
 */
export type TQualityCache<T> = {
  get(key: string, fingerprint: string, compute: () => Promise<T>): Promise<{ value: T; isHit: boolean }>;
  clear(): void;
  readonly size: number;
};

type TEntry<T> = { fingerprint: string; value: Promise<T>; storedAt: number };

export function createQualityCache<T>({
  maxEntries,
  ttlMs,
  now = () => Date.now(),
}: {
  maxEntries: number;
  ttlMs: number;
  now?: () => number;
}): TQualityCache<T> {
  const entries = new Map<string, TEntry<T>>();
  return {
    async get(key, fingerprint, compute) {
      // expired entries go at once rather than when the bound pushes them out: they can be large
      for (const [k, e] of entries) if (now() - e.storedAt >= ttlMs) entries.delete(k);
      const found = entries.get(key);
      if (found && found.fingerprint === fingerprint && now() - found.storedAt < ttlMs) {
        // Map keeps insertion order: re-inserting marks the entry as most recently used
        entries.delete(key);
        entries.set(key, found);
        return { value: await found.value, isHit: true };
      }
      const entry: TEntry<T> = { fingerprint, value: compute(), storedAt: now() };
      entries.delete(key);
      entries.set(key, entry);
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      try {
        return { value: await entry.value, isHit: false };
      } catch (error) {
        // a failed computation is not remembered; the next request tries again
        if (entries.get(key) === entry) entries.delete(key);
        throw error;
      }
    },
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}
