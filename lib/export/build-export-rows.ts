import { buildDpoRows, dpoColumns } from "./build-dpo-rows";
import { buildKtoRows, ktoColumns } from "./build-kto-rows";
import type { TBuildRowsOptions } from "./build-options";
import { buildPromptsRows, promptsColumns } from "./build-prompts-rows";
import { buildRankingsRows, rankingsColumns } from "./build-rankings-rows";
import { buildRatingsRows, ratingsColumns } from "./build-ratings-rows";
import { buildRawRows, rawColumns } from "./build-raw-rows";
import { buildSftRows, sftColumns } from "./build-sft-rows";
import type { TColumn } from "./columns";
import type { TExportRow } from "./types";

export type TExportRows = { columns: TColumn[]; rows: AsyncGenerator<TExportRow> };

/** The columns and the row stream of the requested format. */
export function buildExportRows(options: TBuildRowsOptions): TExportRows {
  const { params } = options;
  const aspectKeys = options.aspectKeys ?? [];
  switch (params.format) {
    case "dpo":
    case "reward":
      return { columns: dpoColumns(params), rows: buildDpoRows(options) };
    case "kto":
      return { columns: ktoColumns(params), rows: buildKtoRows(options) };
    case "ratings":
      return { columns: ratingsColumns({ aspectKeys }), rows: buildRatingsRows(options) };
    case "rankings":
      return { columns: rankingsColumns(params), rows: buildRankingsRows(options) };
    case "raw":
      return { columns: rawColumns({ aspectKeys }), rows: buildRawRows(options) };
    case "sft":
      return { columns: sftColumns(params), rows: buildSftRows(options) };
    case "prompts":
      return { columns: promptsColumns(params), rows: buildPromptsRows(options) };
  }
}
