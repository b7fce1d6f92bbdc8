import type { TColumn } from "./columns";
import type { TExportRow, TExportValue, TRowSource } from "./types";
import { DEFAULT_CHUNK_CHARS } from "./write-jsonl";

/**
 * RFC 4180 cell: strings are always quoted so "" (empty) and null (nothing) stay apart; lists and
 * objects become quoted JSON.
 */
function formatCell(value: TExportValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return `"${text.replace(/"/g, '""')}"`;
}

/** Streams rows as CSV with a header of the column names (plain identifiers), CRLF line ends, yielding UTF-8 chunks. */
export async function* writeCsv({
  rows,
  columns,
  chunkChars = DEFAULT_CHUNK_CHARS,
}: {
  rows: TRowSource<TExportRow>;
  columns: TColumn[];
  chunkChars?: number;
}): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  const names = columns.map((c) => c.name);
  let parts: string[] = [names.join(",") + "\r\n"];
  let size = parts[0].length;
  for await (const row of rows) {
    const line = names.map((n) => formatCell(row[n])).join(",") + "\r\n";
    parts.push(line);
    size += line.length;
    if (size >= chunkChars) {
      yield encoder.encode(parts.join(""));
      parts = [];
      size = 0;
    }
  }
  if (parts.length) yield encoder.encode(parts.join(""));
}
