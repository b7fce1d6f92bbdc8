import "server-only";
import type { TAspectScale } from "@/lib/agreement";
import { getPool } from "@/lib/db/client";
import { streamClientRows } from "@/lib/db/stream-client-rows";
import { buildPackedJudgmentsQuery } from "./build-packed-judgments-query";
import { decodePackedJudgments, type TDecodedJudgments, type TPackedGroup } from "./decode-packed-judgments";
import type { TProjectMode } from "./load-quality-project";
import { loadUnitFacts } from "./load-unit-facts";
import type { TQualityFilter } from "./schemas";

/**
 * The project's judgments (as filtered) as the report's columns, without a JavaScript object or
 * a driver row per judgment: the judgments come packed per rater and aspect values
 * (buildPackedJudgmentsQuery) on one connection while the unit facts load on a second, both in
 * one exported snapshot so they describe the same moment. A million judgments arrive as a few
 * thousand rows of binary. Null in the rare cases the packed form cannot carry exactly
 * (decodePackedJudgments, buildUnitFacts): the caller then loads judgment objects instead.
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
    // The planner prices an index-only scan of judgments_report_idx, aggregated group by group as
    // it streams, above a hash aggregate over the table, which costs three times the CPU here
    // (it hashes every judgment's aspect text). Parallel workers only add the cost of handing
    // their partial aggregates back, and the unit facts need the other core meanwhile.
    await main.query("SET LOCAL enable_hashagg = off; SET LOCAL enable_seqscan = off; SET LOCAL max_parallel_workers_per_gather = 0");
    const { rows } = await main.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
    await side.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    await side.query(`SET TRANSACTION SNAPSHOT '${rows[0].id.replace(/[^0-9A-Za-z-]/g, "")}'`);
    // the unit facts are plain aggregates, which the planner would hand to parallel workers:
    // the packed judgments need the other core meanwhile
    await side.query("SET LOCAL max_parallel_workers_per_gather = 0");
    const query = buildPackedJudgmentsQuery({ projectId: opts.projectId, filter: opts.filter });
    // each group's text is decoded as it arrives, while the database still aggregates the rest,
    // and is garbage at once instead of living (and being promoted) until the last row
    const groups: TPackedGroup[] = [];
    const toGroup = (row: unknown[]) => groups.push({ rater: row[0] as string, aspects: row[1] as string | null, records: Buffer.from(row[2] as string, "base64") });
    const [, facts] = await Promise.all([streamClientRows(main, query, toGroup), loadUnitFacts(side, opts.projectId)]);
    await Promise.all([main.query("COMMIT"), side.query("COMMIT")]);
    if (!facts) return null;
    return decodePackedJudgments({ groups, facts, aspectScales: opts.aspectScales, mode: opts.mode });
  } catch (error) {
    await Promise.all([main.query("ROLLBACK").catch(() => {}), side.query("ROLLBACK").catch(() => {})]);
    throw error;
  } finally {
    main.release();
    side.release();
  }
}
