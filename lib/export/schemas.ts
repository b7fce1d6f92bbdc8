import { z } from "zod";

export type {
  TBtScorer,
  TExportComment,
  TExportComparison,
  TExportItem,
  TExportJudgment,
  TExportResponse,
  TExportRow,
  TExportValue,
} from "./types";

export const EXPORT_FORMATS = ["dpo", "reward", "kto", "ratings", "rankings", "raw", "sft", "prompts"] as const;
export const EXPORT_FILES = ["jsonl", "parquet", "csv"] as const;
export const EXPORT_SPLITS = ["train", "test", "all"] as const;
export const AGGREGATIONS = ["majority", "bt"] as const;
export const MARGIN_SCHEMES = ["none", "small", "large", "bt"] as const;
export const WEIGHT_SCHEMES = ["none", "reliability"] as const;
/** Formats whose rows are flat enough to be useful as CSV. */
export const CSV_FORMATS: ReadonlyArray<TExportFormat> = ["raw", "ratings"];

export type TExportFormat = (typeof EXPORT_FORMATS)[number];
export type TExportFile = (typeof EXPORT_FILES)[number];
export type TExportSplit = (typeof EXPORT_SPLITS)[number];
export type TAggregation = (typeof AGGREGATIONS)[number];
export type TMarginScheme = (typeof MARGIN_SCHEMES)[number];

// Query strings arrive as strings: "" means "not given", and "false"/"0"/"no" must be false.
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const zQuery = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema);
const zFlag = () => z.union([z.boolean(), z.stringbool()]);

export const ZExportParams = z
  .object({
    format: zQuery(z.enum(EXPORT_FORMATS).default("dpo")),
    file: zQuery(z.enum(EXPORT_FILES).default("jsonl")),
    split: zQuery(z.enum(EXPORT_SPLITS).default("all")),
    aggregation: zQuery(z.enum(AGGREGATIONS).default("majority")),
    /** Unset: reward rows get "small", every other format none. */
    margin: zQuery(z.enum(MARGIN_SCHEMES).optional()),
    /** Export one aspect's values instead of the overall preference. */
    aspect: zQuery(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/).optional()),
    testShare: zQuery(z.coerce.number().min(0).max(1).default(0.1)),
    conversational: zQuery(zFlag().default(false)),
    implicitPrompt: zQuery(zFlag().default(false)),
    minRaters: zQuery(z.coerce.number().int().min(1).max(1000).default(1)),
    from: zQuery(z.coerce.date().optional()),
    to: zQuery(z.coerce.date().optional()),
    rubricVersion: zQuery(z.coerce.number().int().positive().optional()),
    excludeFlagged: zQuery(zFlag().default(true)),
    goldPassingOnly: zQuery(zFlag().default(false)),
    /** SFT: the best response must win at least this share of its comparisons. */
    sftFloor: zQuery(z.coerce.number().min(0).max(1).default(0.5)),
    weights: zQuery(z.enum(WEIGHT_SCHEMES).default("none")),
  })
  .superRefine((p, ctx) => {
    if (p.file === "csv" && !CSV_FORMATS.includes(p.format)) {
      ctx.addIssue({ code: "custom", path: ["file"], message: `csv is offered for ${CSV_FORMATS.join(" and ")} only` });
    }
    if (p.from && p.to && p.from > p.to) ctx.addIssue({ code: "custom", path: ["to"], message: "to is before from" });
  });

export type TExportParams = z.output<typeof ZExportParams>;
/** What ZExportParams accepts: query-string values, or already-typed ones. */
export type TExportParamsInput = { [K in keyof TExportParams]?: string | number | boolean | Date | null };

/** The margin scheme actually applied: reward rows always carry a margin. */
export function effectiveMarginScheme(params: Pick<TExportParams, "format" | "margin">): TMarginScheme {
  return params.margin ?? (params.format === "reward" ? "small" : "none");
}
