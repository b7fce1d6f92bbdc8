import type { TBuildRowsOptions } from "./build-options";
import { column, type TColumn } from "./columns";
import { selectItems } from "./select-items";
import type { TExportRow } from "./types";

const COMMENT_FIELDS = [
  { name: "slot", type: "string", nullable: false },
  { name: "response_id", type: "string", nullable: false },
  { name: "line_start", type: "int", nullable: false },
  { name: "line_end", type: "int", nullable: false },
  { name: "aspect", type: "string", nullable: true },
  { name: "text", type: "string", nullable: false },
] as const;

/** One row per judgment; aspects flattened to `aspect_<key>` so CSV stays flat. */
export function rawColumns({ aspectKeys }: { aspectKeys: string[] }): TColumn[] {
  return [
    column("judgment_id", "string"),
    column("prompt_id", "string"),
    column("rater", "string"),
    column("unit_responses", { list: "string" }),
    column("unit_models", { list: "string" }),
    column("slot_order", { list: "string" }),
    column("preference", "int", true),
    column("both_bad", "boolean"),
    ...aspectKeys.map((key) => column(`aspect_${key}`, "double", true)),
    column("ratings", "json", true),
    column("ranking", { list: "string" }, true),
    column("rationale", "string", true),
    column("comments", { listOfStruct: COMMENT_FIELDS.map((f) => ({ ...f })) }),
    column("confidence", "int", true),
    column("active_seconds", "double", true),
    column("rubric_version", "int"),
    column("propensity", "double"),
    column("created_at", "string"),
  ];
}

/** Every admitted judgment as recorded, canonical orientation, rater pseudonymous. */
export async function* buildRawRows(options: TBuildRowsOptions): AsyncGenerator<TExportRow> {
  const { items, params, summary } = options;
  const aspectKeys = options.aspectKeys ?? [];
  for await (const { item, judgments } of selectItems({ items, selection: params, summary })) {
    const models = new Map(item.responses.map((r) => [r.id, r.model]));
    for (const j of judgments) {
      const row: TExportRow = {
        judgment_id: j.judgmentId,
        prompt_id: item.itemId,
        rater: j.rater,
        unit_responses: [...j.unitResponses],
        unit_models: j.unitResponses.map((id) => models.get(id) ?? ""),
        slot_order: [...j.slotOrder],
        preference: j.preference,
        both_bad: j.bothBad,
      };
      for (const key of aspectKeys) row[`aspect_${key}`] = j.aspects[key] ?? null;
      row.ratings = j.ratings;
      row.ranking = j.ranking ? [...j.ranking] : null;
      row.rationale = j.rationale;
      row.comments = j.comments.map((c) => ({
        slot: c.slot,
        response_id: c.responseId,
        line_start: c.lineStart,
        line_end: c.lineEnd,
        aspect: c.aspect,
        text: c.text,
      }));
      row.confidence = j.confidence;
      row.active_seconds = j.activeSeconds;
      row.rubric_version = j.rubricVersion;
      row.propensity = j.propensity;
      row.created_at = j.createdAt;
      if (summary) summary.rows++;
      yield row;
    }
  }
}
