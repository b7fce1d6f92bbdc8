import "server-only";
import { getPool } from "@/lib/db/client";

export type TPairDetails = { item: string; responses: [string, string]; models: [string, string] };

/** Item and response external ids and models of the given pairs (the few a list shows). */
export async function loadPairDetails(opts: { unitIds: string[] }): Promise<Map<string, TPairDetails>> {
  if (!opts.unitIds.length) return new Map();
  const { rows } = await getPool().query<{ id: string; item: string; a: string; b: string; model_a: string; model_b: string }>(
    `SELECT u.id, i.external_id AS item, ra.external_id AS a, rb.external_id AS b, ra.model AS model_a, rb.model AS model_b
       FROM units u JOIN items i ON i.id = u.item_id JOIN responses ra ON ra.id = u.response_a_id JOIN responses rb ON rb.id = u.response_b_id
      WHERE u.id = ANY($1::text[])`,
    [opts.unitIds],
  );
  return new Map(rows.map((r) => [r.id, { item: r.item, responses: [r.a, r.b], models: [r.model_a, r.model_b] }]));
}
