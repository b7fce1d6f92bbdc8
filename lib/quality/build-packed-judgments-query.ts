import type { TAspectScale } from "@/lib/agreement";
import { buildQualityFilterSql } from "./build-quality-filter-sql";
import type { TProjectMode } from "./load-quality-project";
import { aspectPosition, PACKED, scaleTexts, wordCount } from "./packed-judgment-layout";
import type { TQualityFilter } from "./schemas";

/**
 * An aspect's nibble. `->>` gives a stored number's JSON text, so the API's integers are matched
 * as text, without a numeric conversion per row; a JSON null or an absent key reads as 'null'.
 * canonical_aspects and ratings are written only by recordJudgment, from validated integers or
 * null: anything else found there (a fraction, a boolean) is marked irregular, and a string
 * would read as its text.
 */
function aspectNibble(source: string, keyParam: string, scale: TAspectScale): string {
  const levels = scaleTexts(scale).map((text, level) => `WHEN '${text}' THEN ${level}`).join(" ");
  return `(CASE coalesce(${source} ->> ${keyParam}, 'null') WHEN 'null' THEN ${PACKED.ASPECT_MISSING} ${levels} ELSE ${PACKED.ASPECT_IRREGULAR} END)`;
}

/**
 * One row per rater: the rater's id, the unit keys of their judgments (hashtextextended of the
 * unit id, eight bytes each) and the judgments' packed words (PACKED), each word column eight
 * bytes a judgment, in the same order; base64, a third shorter than bytea's hex on the wire and
 * in the driver. Concatenating in the database keeps the driver from parsing a row per judgment; grouping by rater, a plain hash aggregate, lets Postgres split the
 * scan over its parallel workers. Per row the database only reads columns and compares short
 * texts.
 */
export function buildPackedJudgmentsQuery(opts: {
  projectId: string;
  mode: TProjectMode;
  aspectScales: Record<string, TAspectScale>;
  filter: TQualityFilter;
}): { text: string; values: unknown[]; words: number } {
  const values: unknown[] = [opts.projectId];
  const where = buildQualityFilterSql({ filter: opts.filter, values });
  // rating mode keeps ratings under the response id; the unit's response is the one in slot A
  const source = opts.mode === "rating" ? "(j.ratings -> j.left_slot_response_id)" : "j.canonical_aspects";
  const keys = Object.keys(opts.aspectScales);
  const words = wordCount(keys.length);
  // word 0's small fields are put together in int4 and shifted into place once: every operator
  // is a step of Postgres's expression interpreter, run a million times
  const small: string[] = [];
  const parts: string[][] = Array.from({ length: words }, () => []);
  keys.forEach((key, a) => {
    values.push(key);
    const nibble = aspectNibble(source, `$${values.length}::text`, opts.aspectScales[key]);
    const { word, shift } = aspectPosition(a);
    if (word === 0) small.push(`(${nibble} << ${shift - PACKED.PREFERENCE_SHIFT})`);
    else parts[word].push(`(${nibble}::int8 << ${shift})`);
  });
  // the API stores 0..86,400 seconds: anything else is irregular (and NaN fails BETWEEN)
  const time = `CASE WHEN j.active_seconds BETWEEN 0 AND ${(PACKED.IRREGULAR_TIME - 1) / 1000} THEN round(j.active_seconds * 1000)::int8
                     WHEN j.active_seconds IS NULL THEN ${PACKED.NO_TIME} ELSE ${PACKED.IRREGULAR_TIME} END`;
  // days 179 years apart would share a value: a rater's active days never span that
  const day = `((j.created_at::date - date '1970-01-01') & ${PACKED.MAX_DAY})`;
  const preference = `CASE WHEN j.canonical_pref IS NULL THEN ${PACKED.NO_PREFERENCE} WHEN j.canonical_pref BETWEEN -3 AND 3 THEN j.canonical_pref + 3 ELSE ${PACKED.IRREGULAR} END`;
  const winner = "CASE WHEN j.both_bad OR j.preference IS NULL THEN 0 WHEN j.preference < 0 THEN 1 WHEN j.preference = 0 THEN 2 ELSE 3 END";
  small.unshift(
    `(${preference})`,
    `(j.both_bad::int << ${PACKED.BOTH_BAD_SHIFT - PACKED.PREFERENCE_SHIFT})`,
    `((${winner}) << ${PACKED.WINNER_SHIFT - PACKED.PREFERENCE_SHIFT})`,
  );
  parts[0].unshift(`(${time})`, `(${day}::int8 << ${PACKED.DAY_SHIFT})`, `((${small.join(" | ")})::int8 << ${PACKED.PREFERENCE_SHIFT})`);
  const wordColumns = parts.map((p) => `, encode(string_agg(int8send(${p.join(" | ")}), ''::bytea), 'base64')`).join("");
  const text = `
    SELECT j.user_id, encode(string_agg(int8send(hashtextextended(j.unit_id, 0)), ''::bytea), 'base64')${wordColumns}
      FROM judgments j
     WHERE j.project_id = $1${where}
     GROUP BY j.user_id`;
  return { text, values, words };
}
