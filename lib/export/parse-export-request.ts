import { z } from "zod";
import { ZExportParams, type TExportFormat, type TExportParams } from "./schemas";

export const BUNDLE_ARCHIVES = ["tar.gz", "zip"] as const;
/** Configs a bundle holds when `configs` is not given, by project mode. */
export const DEFAULT_BUNDLE_CONFIGS: Record<"pairwise" | "rating" | "ranking", TExportFormat[]> = {
  pairwise: ["dpo", "reward", "kto", "raw"],
  ranking: ["dpo", "rankings", "raw"],
  rating: ["ratings", "raw"],
};

const BUNDLE_FORMATS = ["dpo", "reward", "kto", "ratings", "rankings", "raw", "sft", "prompts"] as const;

const ZBundleExtras = z.object({
  archive: z.enum(BUNDLE_ARCHIVES).default("tar.gz"),
  /** Comma-separated formats, each one config of the dataset; blank = the mode's defaults. */
  configs: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? [...new Set(v.split(",").map((c) => c.trim()).filter(Boolean))] : undefined))
    .pipe(z.array(z.enum(BUNDLE_FORMATS)).min(1).max(BUNDLE_FORMATS.length).optional()),
  license: z.string().trim().regex(/^[a-z0-9][a-z0-9.+-]{0,63}$/i, "a license id such as cc-by-4.0").default("other"),
});

export type TExportRequest =
  | { kind: "file"; params: TExportParams }
  | { kind: "bundle"; params: TExportParams; archive: (typeof BUNDLE_ARCHIVES)[number]; configs?: TExportFormat[]; license: string };

/**
 * The export endpoint's query: ZExportParams, plus `file=bundle` for a Hugging Face dataset
 * bundle (`archive=tar.gz|zip`, `configs=dpo,kto,…`, `license=…`), whose files are Parquet.
 * Throws a ZodError (→ 400) on bad input.
 */
export function parseExportRequest(query: Record<string, string>): TExportRequest {
  if (query.file !== "bundle") return { kind: "file", params: ZExportParams.parse(query) };
  const { archive, configs, license, ...rest } = query;
  const params = ZExportParams.parse({ ...rest, file: "parquet" });
  const extras = ZBundleExtras.parse({ archive: archive || undefined, configs, license: license || undefined });
  return { kind: "bundle", params, ...extras };
}

/** The parameters as stored on the export record and shown in the list (dates as ISO strings). */
export function describeExportRequest(request: TExportRequest): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request.params)) {
    if (value !== undefined) params[key] = value instanceof Date ? value.toISOString() : value;
  }
  if (request.kind === "bundle") return { ...params, file: "bundle", archive: request.archive, configs: request.configs ?? null, license: request.license };
  return params;
}
