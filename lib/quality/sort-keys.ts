/** One stable counting-sort pass of `from` into `to` by a 16-bit digit of each slot's key half. */
function radixPass(from: Int32Array, to: Int32Array, half: Int32Array, shift: number, counts: Int32Array): void {
  counts.fill(0);
  for (let i = 0; i < from.length; i++) counts[((half[from[i]] >>> shift) & 0xffff) + 1]++;
  for (let d = 0; d < 65_536; d++) counts[d + 1] += counts[d];
  for (let i = 0; i < from.length; i++) to[counts[(half[from[i]] >>> shift) & 0xffff]++] = from[i];
}

/**
 * The slots of a key table ordered by their 64-bit key, unsigned: an order that depends on the
 * data only, never on the order rows arrived in. LSD radix sort on the high halves, 16 bits a
 * pass, so a third of a million keys sort in milliseconds without a comparator call per pair;
 * the rare runs of equal high halves are then ordered by their low halves.
 */
export function sortSlotsByKey(slots: Int32Array, hi: Int32Array, lo: Int32Array): Int32Array {
  const a = slots.slice();
  const b = new Int32Array(slots.length);
  const counts = new Int32Array(65_537);
  radixPass(a, b, hi, 0, counts);
  radixPass(b, a, hi, 16, counts);
  for (let i = 1; i < a.length; i++) {
    const slot = a[i];
    let at = i - 1;
    while (at >= 0 && hi[a[at]] === hi[slot] && lo[a[at]] >>> 0 > lo[slot] >>> 0) {
      a[at + 1] = a[at];
      at--;
    }
    a[at + 1] = slot;
  }
  return a;
}
