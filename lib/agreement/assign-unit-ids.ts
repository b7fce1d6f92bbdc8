/** FNV-1a over UTF-16 code units. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * Dense unit ids in order of first appearance, without a Map: a Map of a few hundred thousand
 * strings grows the JavaScript heap by tens of megabytes, and with a million judgments alive
 * that growth is what sets off a full garbage collection. This open-addressing table lives in one
 * typed array sized for the worst case (every judgment its own unit) and stores, per unit, the
 * index of its first judgment, whose unitId settles hash collisions.
 */
export function assignUnitIds(judgments: ReadonlyArray<{ unitId: string }>): { unitOf: Int32Array; unitCount: number } {
  const n = judgments.length;
  const unitOf = new Int32Array(n);
  let capacity = 16;
  while (capacity < 2 * n) capacity *= 2;
  const mask = capacity - 1;
  const firstJudgment = new Int32Array(capacity).fill(-1);
  let unitCount = 0;
  // loaders usually return a unit's judgments together: the previous id answers most lookups
  let lastUnitId: string | null = null;
  let lastUnit = -1;
  for (let j = 0; j < n; j++) {
    const unitId = judgments[j].unitId;
    if (unitId === lastUnitId) {
      unitOf[j] = lastUnit;
      continue;
    }
    let slot: number = hashString(unitId) & mask;
    while (firstJudgment[slot] >= 0 && judgments[firstJudgment[slot]].unitId !== unitId) slot = (slot + 1) & mask;
    if (firstJudgment[slot] < 0) {
      firstJudgment[slot] = j;
      unitOf[j] = unitCount++;
    } else unitOf[j] = unitOf[firstJudgment[slot]];
    lastUnitId = unitId;
    lastUnit = unitOf[j];
  }
  return { unitOf, unitCount };
}
