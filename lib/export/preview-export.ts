import "server-only";
import type { TCaller } from "@/lib/auth/caller";
import { assertProjectAccess } from "@/lib/projects/assert-project-access";
import { assignSplit } from "./assign-split";
import { buildExportRows } from "./build-export-rows";
import type { TColumn } from "./columns";
import { countRowsBySplit, type TSplitCounts } from "./count-rows-by-split";
import { createExportSummary } from "./export-summary";
import type { TExportRequest } from "./parse-export-request";
import { buildPassOptions, prepareExport } from "./prepare-export";
import { summaryCounts } from "./summary-counts";
import type { TExportRow } from "./types";
import { withExportSnapshot } from "./with-export-snapshot";

export const PREVIEW_ROWS = 20;

export type TExportPreview = {
  columns: { name: string; type: string; nullable: boolean }[];
  /** The first rows of the requested split, exactly as the file would hold them. */
  rows: TExportRow[];
  /** Rows per split (of the whole project, whatever split was asked for) and the export's tallies. */
  counts: TSplitCounts & { rows: number } & Record<string, unknown>;
};

function describeType(type: TColumn["type"]): string {
  if (typeof type === "string") return type;
  return "list" in type ? `list<${type.list}>` : `list<struct<${type.listOfStruct.map((f) => f.name).join(", ")}>>`;
}

/**
 * What a download would contain, without writing it: the same snapshot, loader and row builders
 * as the export, run over both splits to count rows per split while keeping the first rows of the
 * requested one. Bundles preview their `format` config.
 */
export async function previewExport({
  caller,
  projectId,
  request,
  limit = PREVIEW_ROWS,
  signal,
}: {
  caller: TCaller;
  projectId: string;
  request: TExportRequest;
  limit?: number;
  /** The request's signal: the form asks again on every change, and a stale count is not finished. */
  signal?: AbortSignal;
}): Promise<TExportPreview> {
  await assertProjectAccess({ caller, projectId, staffOnly: true });
  const { params } = request;
  return withExportSnapshot(async (client) => {
    const prepared = await prepareExport(client, { projectId, params, signal });
    const summary = createExportSummary();
    const { columns, rows } = buildExportRows(buildPassOptions(prepared, { params, split: "all", summary }));
    const bySplit: TSplitCounts = { train: 0, test: 0 };
    const kept: TExportRow[] = [];
    for await (const row of countRowsBySplit({ rows, testShare: params.testShare, counts: bySplit })) {
      if (kept.length >= limit) continue;
      if (params.split === "all" || assignSplit({ itemId: String(row.prompt_id), testShare: params.testShare }) === params.split) kept.push(row);
    }
    return {
      columns: columns.map((c) => ({ name: c.name, type: describeType(c.type), nullable: c.nullable })),
      rows: kept,
      counts: { ...bySplit, rows: bySplit.train + bySplit.test, ...summaryCounts(summary) },
    };
  });
}
