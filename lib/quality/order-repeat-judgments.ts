import type { TJudgmentColumns } from "@/lib/agreement/read-judgment-columns";

/**
 * Columns laid out rater by rater put a unit's labels in rater order, which is all the report's
 * order-sensitive step (Dawid–Skene's products) needs, except when a rater judged a unit more
 * than once: those judgments arrive in no particular order. This sorts such a rater's judgments
 * by unit and overall level, in place, so each unit's labels come in an order that depends on the
 * data only. Assignments are unique per unit and rater, so the database holds no such repeats
 * today; this keeps the order defined should it ever.
 */
export function orderRepeatJudgments(columns: TJudgmentColumns, raterStart: Int32Array): void {
  const lastRater = new Int32Array(columns.unitCount).fill(-1);
  for (let r = 0; r + 1 < raterStart.length; r++) {
    let hasRepeat = false;
    for (let j = raterStart[r]; j < raterStart[r + 1]; j++) {
      if (lastRater[columns.unitOf[j]] === r) hasRepeat = true;
      lastRater[columns.unitOf[j]] = r;
    }
    if (hasRepeat) sortSegment(columns, raterStart[r], raterStart[r + 1]);
  }
}

function sortSegment(c: TJudgmentColumns, start: number, end: number): void {
  const positions = Array.from({ length: end - start }, (_, i) => start + i);
  positions.sort((a, b) => c.unitOf[a] - c.unitOf[b] || c.overallLevels[a] - c.overallLevels[b] || a - b);
  const permute = <T extends Int32Array | Int8Array | Uint8Array | Float64Array>(column: T) => {
    const values = positions.map((p) => column[p]);
    values.forEach((v, i) => (column[start + i] = v));
  };
  [c.unitOf, c.raterOf, c.overallLevels, c.flags, c.activeSeconds, ...c.aspectLevels].forEach(permute);
}
