import "server-only";
import type pg from "pg";
import { buildUnitFacts, indexResponseLengths, type TUnitFacts } from "./build-unit-facts";

const key = (column: string) => `int8send(coalesce(hashtextextended(${column}, 0), 0))`;

// Response lengths in bytes (content_bytes, stored when the response is written: close enough to
// say which is longer), read from responses_report_idx rather than from rows that hold the code.
const RESPONSES = `SELECT encode(string_agg(${key("r.id")} || int4send(r.content_bytes), ''::bytea), 'base64') FROM responses r WHERE r.project_id = $1`;
const UNITS = `
  SELECT encode(string_agg(${key("u.id")} || ${key("u.response_a_id")} || ${key("u.response_b_id")}
                    || int4send((u.response_a_id IS NULL)::int | ((u.response_b_id IS NULL)::int << 1)), ''::bytea), 'base64')
    FROM units u WHERE u.project_id = $1`;
// The gold names the item's external ids [first, second]; listed the other way round, the sign flips.
const GOLD = `
  SELECT encode(string_agg(${key("u.id")} || int4send(coalesce((
           SELECT CASE WHEN jsonb_typeof(i.gold->'preference') IS DISTINCT FROM 'number' THEN 3
                       WHEN ra.external_id = i.gold->'responses'->>0 AND rb.external_id = i.gold->'responses'->>1 THEN 1 + sign((i.gold->>'preference')::int)::int
                       WHEN ra.external_id = i.gold->'responses'->>1 AND rb.external_id = i.gold->'responses'->>0 THEN 1 - sign((i.gold->>'preference')::int)::int
                       ELSE 3 END
             FROM items i, responses ra, responses rb
            WHERE i.id = u.item_id AND ra.id = u.response_a_id AND rb.id = u.response_b_id), 4)), ''::bytea), 'base64')
    FROM units u WHERE u.project_id = $1 AND u.is_gold`;

/**
 * The project's unit facts (buildUnitFacts), in three queries on `client`, whose transaction the
 * caller has opened in the snapshot the judgments are read in. Keys rather than ids travel:
 * 28 bytes a unit (in base64) instead of three ids, and no join in the database. Each query is
 * one plain aggregate, one row: grouping the rows into chunks cost the database a sort or a hash
 * of every unit, more than the aggregate itself. A row holds 37 characters of text per unit, so
 * V8's string limit (2^29 characters) would be reached only past 14 million units in a project.
 * The units are asked for before the responses are indexed, so the database reads them meanwhile.
 */
export async function loadUnitFacts(client: pg.PoolClient, projectId: string): Promise<TUnitFacts | null> {
  const read = async (text: string): Promise<Buffer> => {
    const { rows } = await client.query<[string | null]>({ text, values: [projectId], rowMode: "array" });
    return Buffer.from(rows[0]?.[0] ?? "", "base64");
  };
  const responses = await read(RESPONSES);
  const units = read(UNITS);
  const gold = read(GOLD);
  const indexed = indexResponseLengths(responses);
  // both reads are under way: await them even when the facts are already known to be unusable
  const [unitRecords, goldRecords] = await Promise.all([units, gold]);
  return indexed && buildUnitFacts({ responses: indexed, units: unitRecords, gold: goldRecords });
}
