import type { TExportComment, TExportItem, TExportResponse } from "./types";

export type TItemRow = { id: string; external_id: string; prompt: string; language: string; tests: string | null };
export type TResponseRow = {
  id: string; item_id: string; external_id: string; position: number; model: string; content: string;
  tests_passed: number | null; tests_total: number | null;
};
/** One judgment as the loader reads it (pg rowMode "array": a row object per judgment costs more than the rest of the parse). */
export type TJudgmentRow = [
  id: string,
  userId: string,
  itemId: string,
  responseAId: string | null,
  responseBId: string | null,
  canonicalPref: number | null,
  bothBad: boolean,
  ratings: Record<string, Record<string, number>> | null,
  ranking: string[] | null,
  rubricVersion: number,
  propensity: number | null,
  createdAt: string | null,
  slotOrder: string[] | null,
  rationale: string | null,
  confidence: number | null,
  activeSeconds: number | null,
  canonicalAspects: Record<string, number | null> | null,
];
export type TCommentRow = { judgment_id: string; slot: string; response_id: string; line_start: number; line_end: number; aspect: string | null; text: string };

type TGoldStanding = { passes: boolean };

// Shared, frozen empties for the columns an export left out: a million judgments would otherwise
// allocate three million empty arrays and objects; frozen, a builder that wrote to one would throw.
const NO_STRINGS = Object.freeze([]) as unknown as string[];
const NO_COMMENTS = Object.freeze([]) as unknown as TExportComment[];
const NO_ASPECTS = Object.freeze({}) as Record<string, number | null>;

/**
 * Database rows of one batch → the exporter's items. Response ids become the caller's external
 * ids everywhere (unit, slot order, ratings keys, ranking, comments) and user ids become
 * pseudonyms; item order and judgment order are kept as read.
 */
export function toExportItems({
  items,
  responses,
  judgments,
  comments,
  standing,
  pseudonym,
}: {
  items: TItemRow[];
  responses: TResponseRow[];
  judgments: TJudgmentRow[];
  comments: TCommentRow[];
  standing: Map<string, TGoldStanding>;
  pseudonym: (userId: string) => string;
}): TExportItem[] {
  const external = new Map<string, string>();
  const byItem = new Map<string, TExportItem>();
  const out: TExportItem[] = items.map((row) => {
    const item: TExportItem = { itemId: row.external_id, prompt: row.prompt, language: row.language, responses: [], judgments: [], tests: row.tests };
    byItem.set(row.id, item);
    return item;
  });
  for (const r of responses) {
    external.set(r.id, r.external_id);
    const response: TExportResponse = { id: r.external_id, model: r.model, content: r.content, position: r.position, testsPassed: r.tests_passed, testsTotal: r.tests_total };
    byItem.get(r.item_id)?.responses.push(response);
  }
  const toExternal = (id: string) => external.get(id) ?? id;
  const commentsOf = groupComments(comments, toExternal);
  // the judgments of one unit share its response list (read-only for the builders); response ids
  // are unique across items, and a ranking unit (no ids) is keyed by its item
  const units = new Map<string | null, Map<string | null, string[]>>();
  for (const row of judgments) {
    const [id, userId, itemId, aId, bId, canonicalPref, bothBad, ratings, ranking, rubricVersion, propensity, createdAt, slotOrder, rationale, confidence, activeSeconds, aspects] = row;
    const item = byItem.get(itemId);
    if (!item) continue;
    let byB = units.get(aId ?? itemId);
    if (!byB) units.set(aId ?? itemId, (byB = new Map()));
    let unitResponses = byB.get(bId);
    if (!unitResponses) byB.set(bId, (unitResponses = listUnitResponses(aId, bId, item, toExternal)));
    const gold = standing.get(userId);
    item.judgments.push({
      judgmentId: id,
      rater: pseudonym(userId),
      unitResponses,
      slotOrder: slotOrder ? slotOrder.map(toExternal) : NO_STRINGS,
      preference: bothBad ? null : canonicalPref,
      bothBad,
      aspects: aspects ?? NO_ASPECTS,
      ratings: ratings ? Object.fromEntries(Object.entries(ratings).map(([responseId, values]) => [toExternal(responseId), values])) : null,
      ranking: ranking ? ranking.map(toExternal) : null,
      rationale,
      comments: commentsOf.get(id) ?? NO_COMMENTS,
      confidence,
      activeSeconds,
      rubricVersion,
      propensity: propensity ?? 1,
      createdAt: createdAt ?? "",
      flagged: gold ? !gold.passes : false,
      raterPassesGold: gold ? gold.passes : null,
    });
  }
  return out;
}

/** Pairwise units name two responses, rating units one; a ranking unit is every response of the item. */
function listUnitResponses(aId: string | null, bId: string | null, item: TExportItem, toExternal: (id: string) => string): string[] {
  if (aId && bId) return [toExternal(aId), toExternal(bId)];
  if (aId) return [toExternal(aId)];
  return item.responses.map((r) => r.id);
}

function groupComments(rows: TCommentRow[], toExternal: (id: string) => string): Map<string, TExportComment[]> {
  const grouped = new Map<string, TExportComment[]>();
  for (const c of rows) {
    let list = grouped.get(c.judgment_id);
    if (!list) grouped.set(c.judgment_id, (list = []));
    list.push({ slot: c.slot, responseId: toExternal(c.response_id), lineStart: c.line_start, lineEnd: c.line_end, aspect: c.aspect, text: c.text });
  }
  return grouped;
}
