/**
 * A table from 64-bit keys, given as their high and low 32 bits, to slots 0, 1, 2, … in the order
 * they were added. The quality loaders key units and responses by Postgres's
 * hashtextextended(id, 0), so their joins run on numbers in typed arrays instead of on hundreds
 * of thousands of strings. Open addressing with linear probing in one typed array of buckets that
 * hold the slot and both halves, so a lookup costs one cache miss, not two; the keys are hashes
 * already, so their low bits spread well.
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
  /** the slots of keys given as [hi, lo, …] every `stride` entries, written to slots from `at`; false if one is missing */
  findEach(keys: Int32Array, slots: Int32Array, at: number, stride: number): boolean;
};

export function createKeyTable(maxKeys: number): TKeyTable {
  let capacity = 16;
  while (capacity < 1.5 * maxKeys) capacity *= 2;
  const mask = capacity - 1;
  // bucket b: [3b] slot + 1 (0: empty), [3b + 1] and [3b + 2] the key's halves
  const buckets = new Int32Array(3 * capacity);
  const hi = new Int32Array(maxKeys);
  const lo = new Int32Array(maxKeys);
  let size = 0;
  const bucketOf = (h: number, l: number): number => {
    let at = 3 * ((l ^ h) & mask);
    while (buckets[at] !== 0 && (buckets[at + 2] !== l || buckets[at + 1] !== h)) at = at === 3 * mask ? 0 : at + 3;
    return at;
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
      if (buckets[at] !== 0) return -1;
      hi[size] = h;
      lo[size] = l;
      buckets[at] = size + 1;
      buckets[at + 1] = h;
      buckets[at + 2] = l;
      return size++;
    },
    find: (h, l) => buckets[bucketOf(h | 0, l | 0)] - 1,
    findEach(keys, slots, at, stride) {
      for (let i = 0, j = at; i < keys.length; i += stride, j++) {
        const slot = buckets[bucketOf(keys[i], keys[i + 1])] - 1;
        if (slot < 0) return false;
        slots[j] = slot;
      }
      return true;
    },
  };
}
