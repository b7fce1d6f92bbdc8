import type { TKeyTable } from "./key-table";
import { sortSlotsByKey } from "./sort-keys";

/**
 * Numbers the units that have judgments 0, 1, 2, … in the order of their keys: an order that
 * depends on the data only (the Dawid–Skene subsample and the floating-point sums follow unit
 * order). Returns each judgment's unit number and each number's table slot.
 */
export function numberUnitsByKey({ slotOf, table }: { slotOf: Int32Array; table: TKeyTable }): { unitOf: Int32Array; unitCount: number; unitSlots: Int32Array } {
  const numberOfSlot = new Int32Array(table.size).fill(-1);
  let used = 0;
  for (let j = 0; j < slotOf.length; j++) if (numberOfSlot[slotOf[j]] < 0) numberOfSlot[slotOf[j]] = used++;
  const usedSlots = new Int32Array(used);
  for (let s = 0; s < numberOfSlot.length; s++) if (numberOfSlot[s] >= 0) usedSlots[numberOfSlot[s]] = s;
  const unitSlots = sortSlotsByKey(usedSlots, table.hi, table.lo);
  for (let u = 0; u < used; u++) numberOfSlot[unitSlots[u]] = u;
  const unitOf = new Int32Array(slotOf.length);
  for (let j = 0; j < slotOf.length; j++) unitOf[j] = numberOfSlot[slotOf[j]];
  return { unitOf, unitCount: used, unitSlots };
}
