import "server-only";
import type { TCaller } from "@/lib/auth/caller";
import { buildQualityCsv } from "./build-quality-csv";
import { compareModelsToHumans } from "./compare-models-to-humans";
import { getAgreementReport } from "./get-agreement-report";
import type { TCsvTable, TQualityQuery } from "./schemas";

/** One dashboard table as a CSV download, from the same (cached) data the dashboard shows. */
export async function getQualityCsv(opts: { caller: TCaller; projectId: string; table: TCsvTable; query: TQualityQuery }): Promise<{ fileName: string; csv: string }> {
  const isModelTable = opts.table === "models" || opts.table === "disagreements";
  const csv = isModelTable
    ? buildQualityCsv({ table: opts.table, models: await compareModelsToHumans(opts) })
    : buildQualityCsv({ table: opts.table, report: await getAgreementReport(opts) });
  const range = [opts.query.from, opts.query.to].filter(Boolean).join("_to_").replace(/[^0-9A-Za-z_.-]/g, "");
  const version = opts.query.rubricVersion ? `-v${opts.query.rubricVersion}` : "";
  return { fileName: `quality-${opts.table}-${opts.projectId}${version}${range ? `-${range}` : ""}.csv`, csv };
}
