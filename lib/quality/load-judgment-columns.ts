import "server-only";
import type { TAspectScale } from "@/lib/agreement";
import { getPool } from "@/lib/db/client";
import { buildPackedJudgmentsQuery } from "./build-packed-judgments-query";
import { decodePackedJudgments, type TDecodedJudgments, type TPackedRater } from "./decode-packed-judgments";
import type { TProjectMode } from "./load-quality-project";
import { loadUnitFacts } from "./load-unit-facts";
import type { TQualityFilter } from "./schemas";

/**
 * The project's judgments (as filtered) as the report's columns, without a JavaScript object or
 * a driver row per judgment: the judgments come packed per rater (buildPackedJudgmentsQuery)
 * on one connection while the unit facts load on a second, both in one exported snapshot so
 * they describe the same moment. A million judgments arrive as a few hundred rows of binary.
 * Null in the rare cases the packed form cannot carry exactly (decodePackedJudgments,
 * buildUnitFacts): the caller then loads judgment objects instead.
 */
export async function loadJudgmentColumns(opts: {
  projectId: string;
  mode: TProjectMode;
  aspectScales: Record<string, TAspectScale>;
  filter: TQualityFilter;
}): Promise<TDecodedJudgments | null> {
  const pool = getPool();
  const main = await pool.connect();
  const side = await pool.connect().catch((error: unknown) => {
    main.release();
    throw error;
  });
  try {
    await main.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    // the hash aggregate holds every rater's packed judgments (16 bytes each, 16 MB a million),
    // partly in each parallel worker: room for several million before it would spill to disk
    await main.query("SET LOCAL work_mem = '256MB'");
    const { rows } = await main.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
    await side.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    await side.query(`SET TRANSACTION SNAPSHOT '${rows[0].id.replace(/[^0-9A-Za-z-]/g, "")}'`);
    const query = buildPackedJudgmentsQuery(opts);
    const [packed, facts] = await Promise.all([
      main.query<unknown[]>({ text: query.text, values: query.values, rowMode: "array" }),
      loadUnitFacts(side, opts.projectId),
    ]);
    await Promise.all([main.query("COMMIT"), side.query("COMMIT")]);
    if (!facts) return null;
    const bytes = (column: unknown) => Buffer.from(column as string, "base64");
    const raters: TPackedRater[] = packed.rows.map((row) => ({ rater: row[0] as string, units: bytes(row[1]), words: row.slice(2).map(bytes) }));
    return decodePackedJudgments({ raters, facts, aspectScales: opts.aspectScales });
  } catch (error) {
    await Promise.all([main.query("ROLLBACK").catch(() => {}), side.query("ROLLBACK").catch(() => {})]);
    throw error;
  } finally {
    main.release();
    side.release();
  }
}
