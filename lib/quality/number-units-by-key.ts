import type { TKeyTable } from "./key-table";
import { sortSlotsByKey } from "./sort-keys";

// One loop a function: a cold report runs each once, and V8 optimises a small function's loop
// without falling back to the interpreter at the next loop.
function numberByFirstUse(slotOf: Int32Array, numberOfSlot: Int32Array): number {
  let used = 0;
  for (let j = 0; j < slotOf.length; j++) if (numberOfSlot[slotOf[j]] < 0) numberOfSlot[slotOf[j]] = used++;
  return used;
}

function slotsInUse(numberOfSlot: Int32Array, used: number): Int32Array {
  const slots = new Int32Array(used);
  for (let s = 0; s < numberOfSlot.length; s++) if (numberOfSlot[s] >= 0) slots[numberOfSlot[s]] = s;
  return slots;
}

function renumber(unitSlots: Int32Array, numberOfSlot: Int32Array): void {
  for (let u = 0; u < unitSlots.length; u++) numberOfSlot[unitSlots[u]] = u;
}

function unitsOf(slotOf: Int32Array, numberOfSlot: Int32Array): Int32Array {
  const unitOf = new Int32Array(slotOf.length);
  for (let j = 0; j < slotOf.length; j++) unitOf[j] = numberOfSlot[slotOf[j]];
  return unitOf;
}

/**
 * Numbers the units that have judgments 0, 1, 2, … in the order of their keys: an order that
 * depends on the data only (the Dawid–Skene subsample and the floating-point sums follow unit
 * order). Returns each judgment's unit number and each number's table slot.
 */
export function numberUnitsByKey({ slotOf, table }: { slotOf: Int32Array; table: TKeyTable }): { unitOf: Int32Array; unitCount: number; unitSlots: Int32Array } {
  const numberOfSlot = new Int32Array(table.size).fill(-1);
  const used = numberByFirstUse(slotOf, numberOfSlot);
  const unitSlots = sortSlotsByKey(slotsInUse(numberOfSlot, used), table.hi, table.lo);
  renumber(unitSlots, numberOfSlot);
  return { unitOf: unitsOf(slotOf, numberOfSlot), unitCount: used, unitSlots };
}
