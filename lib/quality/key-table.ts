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

// A class rather than closures: each report builds new tables, and optimised code that inlined
// one report's closures was thrown away when they died (V8 "weak objects"), so the next report's
// loops ran unoptimised until V8 compiled them again. Methods on one prototype stay valid.
class KeyTable implements TKeyTable {
  readonly hi: Int32Array;
  readonly lo: Int32Array;
  size = 0;
  private readonly mask: number;
  // bucket b: [3b] slot + 1 (0: empty), [3b + 1] and [3b + 2] the key's halves
  private readonly buckets: Int32Array;

  constructor(private readonly maxKeys: number) {
    let capacity = 16;
    while (capacity < 1.5 * maxKeys) capacity *= 2;
    this.mask = capacity - 1;
    this.buckets = new Int32Array(3 * capacity);
    this.hi = new Int32Array(maxKeys);
    this.lo = new Int32Array(maxKeys);
  }

  private bucketOf(h: number, l: number): number {
    const { buckets, mask } = this;
    let at = 3 * ((l ^ h) & mask);
    while (buckets[at] !== 0 && (buckets[at + 2] !== l || buckets[at + 1] !== h)) at = at === 3 * mask ? 0 : at + 3;
    return at;
  }

  add(h: number, l: number): number {
    if (this.size >= this.maxKeys) throw new RangeError(`key table is full (${this.maxKeys} keys)`);
    const at = this.bucketOf(h | 0, l | 0);
    const { buckets } = this;
    if (buckets[at] !== 0) return -1;
    this.hi[this.size] = h;
    this.lo[this.size] = l;
    buckets[at] = this.size + 1;
    buckets[at + 1] = h;
    buckets[at + 2] = l;
    return this.size++;
  }

  find(h: number, l: number): number {
    return this.buckets[this.bucketOf(h | 0, l | 0)] - 1;
  }

  findEach(keys: Int32Array, slots: Int32Array, at: number, stride: number): boolean {
    const { buckets } = this;
    for (let i = 0, j = at; i < keys.length; i += stride, j++) {
      const slot = buckets[this.bucketOf(keys[i], keys[i + 1])] - 1;
      if (slot < 0) return false;
      slots[j] = slot;
    }
    return true;
  }
}

export function createKeyTable(maxKeys: number): TKeyTable {
  return new KeyTable(maxKeys);
}
