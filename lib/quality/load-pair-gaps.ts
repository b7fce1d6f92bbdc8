import "server-only";
import { streamRows } from "./stream-rows";

/**
 * Each pair's model score gaps, score(second-listed) − score(first-listed), one column per score
 * set (NaN where either side lacks that score), computed in the database so a pair costs
 * 1 + sets fields rather than 1 + 2 × sets. Pairs where either response has no scores at all are
 * left out. Each pair also comes with its unit key (hashtextextended of the id, as two halves),
 * which matches it to vote rows built from the report's columns.
 */
export async function loadPairGaps(opts: { projectId: string; scoreNames: string[] }): Promise<{ units: string[]; keyHi: Int32Array; keyLo: Int32Array; gaps: Float64Array[] }> {
  const units: string[] = [];
  const hi: number[] = [];
  const lo: number[] = [];
  const raw: number[][] = opts.scoreNames.map(() => []);
  if (!opts.scoreNames.length) return { units, keyHi: new Int32Array(0), keyLo: new Int32Array(0), gaps: [] };
  const values: unknown[] = [opts.projectId];
  const columns = opts.scoreNames.map((name) => {
    values.push(name);
    const p = `$${values.length}::text`;
    const side = (r: string) => `CASE WHEN jsonb_typeof(${r}.scores -> ${p}) = 'number' THEN (${r}.scores -> ${p})::float8 END`;
    return `, ${side("rb")} - ${side("ra")}`;
  });
  const text = `
    SELECT u.id, (hashtextextended(u.id, 0) >> 32)::int4, (hashtextextended(u.id, 0) & 4294967295)::float8 ${columns.join("")}
      FROM units u JOIN responses ra ON ra.id = u.response_a_id JOIN responses rb ON rb.id = u.response_b_id
     WHERE u.project_id = $1 AND jsonb_typeof(ra.scores) = 'object' AND jsonb_typeof(rb.scores) = 'object'`;
  await streamRows({ text, values }, (row) => {
    units.push(row[0] as string);
    hi.push(row[1] as number);
    lo.push((row[2] as number) | 0);
    for (let s = 0; s < raw.length; s++) raw[s].push(row[3 + s] === null ? Number.NaN : (row[3 + s] as number));
  }, { workMem: "64MB" });
  return { units, keyHi: Int32Array.from(hi), keyLo: Int32Array.from(lo), gaps: raw.map((column) => Float64Array.from(column)) };
}
