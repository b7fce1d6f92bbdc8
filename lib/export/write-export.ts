import { buildExportRows } from "./build-export-rows";
import type { TBuildRowsOptions } from "./build-options";
import { CSV_FORMATS, type TExportParams } from "./schemas";
import { writeCsv } from "./write-csv";
import { writeJsonl } from "./write-jsonl";
import { writeParquet } from "./write-parquet";

const CONTENT_TYPES = { jsonl: "application/x-ndjson", parquet: "application/vnd.apache.parquet", csv: "text/csv; charset=utf-8" } as const;

/** File name and content type for a download, from the parameters alone (no dates: reproducible). */
export function describeExportFile(params: Pick<TExportParams, "format" | "file" | "split" | "aspect">): { fileName: string; contentType: string } {
  const aspect = params.aspect ? `-${params.aspect}` : "";
  return { fileName: `${params.format}${aspect}-${params.split}.${params.file}`, contentType: CONTENT_TYPES[params.file] };
}

/** The whole export as a byte stream: rows of the format, written in the requested file type. */
export function writeExport(options: TBuildRowsOptions & { rowGroupRows?: number }): AsyncGenerator<Uint8Array> {
  const { params } = options;
  const { columns, rows } = buildExportRows(options);
  if (params.file === "csv") {
    if (!CSV_FORMATS.includes(params.format)) throw new Error(`csv is offered for ${CSV_FORMATS.join(" and ")} only`);
    return writeCsv({ rows, columns });
  }
  if (params.file === "parquet") return writeParquet({ rows, columns, rowGroupRows: options.rowGroupRows });
  return writeJsonl({ rows, columns });
}
