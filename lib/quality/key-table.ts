/**
 * A table from 64-bit keys, given as their high and low 32 bits, to slots 0, 1, 2, … in the order
 * they were added. The quality loaders key units and responses by Postgres's
 * hashtextextended(id, 0), so their joins run on numbers in typed arrays instead of on hundreds
 * of thousands of strings. Open addressing with linear probing; a bucket holds its key and slot
 * side by side, so a lookup in a table of millions touches one cache line. The keys are hashes
 * already: their low bits spread well.
 */
export type TKeyTable = {
  readonly size: number;
  /** slot → key halves */
  readonly hi: Int32Array;
  readonly lo: Int32Array;
  /** the new key's slot, or −1 when the key is already there (two ids with one hash) */
  add(hi: number, lo: number): number;
  /** the key's slot, or −1 */
  find(hi: number, lo: number): number;
};

const EMPTY = -1;

export function createKeyTable(maxKeys: number): TKeyTable {
  let capacity = 16;
  while (capacity < 2 * maxKeys) capacity *= 2;
  const mask = capacity - 1;
  // bucket b: [3b] slot, [3b + 1] hi, [3b + 2] lo
  const buckets = new Int32Array(3 * capacity);
  for (let b = 0; b < capacity; b++) buckets[3 * b] = EMPTY;
  const hi = new Int32Array(maxKeys);
  const lo = new Int32Array(maxKeys);
  let size = 0;
  const bucketOf = (h: number, l: number): number => {
    let b = (l ^ h) & mask;
    while (buckets[3 * b] !== EMPTY && (buckets[3 * b + 1] !== h || buckets[3 * b + 2] !== l)) b = (b + 1) & mask;
    return 3 * b;
  };
  return {
    get size() {
      return size;
    },
    hi,
    lo,
    add(h, l) {
      if (size >= maxKeys) throw new RangeError(`key table is full (${maxKeys} keys)`);
      const at = bucketOf(h | 0, l | 0);
      if (buckets[at] !== EMPTY) return -1;
      buckets[at] = size;
      buckets[at + 1] = hi[size] = h;
      buckets[at + 2] = lo[size] = l;
      return size++;
    },
    find: (h, l) => buckets[bucketOf(h | 0, l | 0)],
  };
}
