import "server-only";
import type { PoolClient } from "pg";
import { estimateRaterReliability } from "@/lib/agreement/estimate-rater-reliability";
import { groupLabelsByUnit } from "@/lib/agreement/group-labels-by-unit";
import { buildJudgmentFilterSql, type TRaterFilter } from "./build-judgment-filter-sql";
import type { TJudgmentFilter } from "./filter-judgments";

const FETCH_ROWS = 50_000;
let cursorCount = 0;

/**
 * weights=reliability: each rater's Dawid–Skene accuracy on the winner category of the pairwise
 * judgments the export admits (first better / tie / second better; both-bad left out), keyed by
 * pseudonym. Read in one pass into typed arrays, so a million judgments cost a few megabytes.
 * Raters with no pairwise labels are absent (weight 1 in the builders; they make no pairs anyway).
 */
export async function loadRaterWeights({
  client,
  projectId,
  filter,
  raters,
  pseudonym,
}: {
  client: PoolClient;
  projectId: string;
  filter: TJudgmentFilter;
  raters: TRaterFilter;
  pseudonym: (userId: string) => string;
}): Promise<Map<string, number>> {
  const values: unknown[] = [projectId];
  const filters = buildJudgmentFilterSql({ filter, raters, values });
  const cursor = `export_labels_${++cursorCount}`;
  await client.query(
    `DECLARE ${cursor} NO SCROLL CURSOR FOR
       SELECT j.unit_id, j.user_id, sign(j.canonical_pref)::int + 1 AS label
         FROM judgments j JOIN units u ON u.id = j.unit_id
        WHERE j.project_id = $1 AND u.response_b_id IS NOT NULL AND NOT j.both_bad AND j.canonical_pref IS NOT NULL${filters}
        ORDER BY j.unit_id`,
    values,
  );
  const labels = new GrowableLabels();
  const raterIndex = new Map<string, number>();
  let unitCount = 0;
  let lastUnit: string | null = null;
  try {
    for (;;) {
      const { rows } = await client.query({ text: `FETCH ${FETCH_ROWS} FROM ${cursor}`, rowMode: "array" });
      if (rows.length === 0) break;
      for (const [unitId, userId, label] of rows as [string, string, number][]) {
        if (unitId !== lastUnit) {
          unitCount++;
          lastUnit = unitId;
        }
        let rater = raterIndex.get(userId);
        if (rater === undefined) raterIndex.set(userId, (rater = raterIndex.size));
        labels.push(unitCount - 1, rater, label);
      }
    }
  } finally {
    await client.query(`CLOSE ${cursor}`);
  }
  const weights = new Map<string, number>();
  if (labels.length === 0) return weights;
  const { unitOf, raterOf, label } = labels.view();
  const grouped = groupLabelsByUnit({ unitOf, raterOf, labels: label, unitCount });
  const reliability = estimateRaterReliability({ grouped, raterCount: raterIndex.size, categoryCount: 3 });
  for (const [userId, index] of raterIndex) {
    const r = reliability[index];
    if (r !== null && Number.isFinite(r)) weights.set(pseudonym(userId), r);
  }
  return weights;
}

class GrowableLabels {
  length = 0;
  private unitOf = new Int32Array(1024);
  private raterOf = new Int32Array(1024);
  private label = new Int8Array(1024);

  push(unit: number, rater: number, label: number): void {
    if (this.length === this.unitOf.length) {
      const grow = <T extends Int32Array | Int8Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.unitOf = grow(this.unitOf, (n) => new Int32Array(n));
      this.raterOf = grow(this.raterOf, (n) => new Int32Array(n));
      this.label = grow(this.label, (n) => new Int8Array(n));
    }
    this.unitOf[this.length] = unit;
    this.raterOf[this.length] = rater;
    this.label[this.length] = label;
    this.length++;
  }

  view(): { unitOf: Int32Array; raterOf: Int32Array; label: Int8Array } {
    return { unitOf: this.unitOf.subarray(0, this.length), raterOf: this.raterOf.subarray(0, this.length), label: this.label.subarray(0, this.length) };
  }
}
