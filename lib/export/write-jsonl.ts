import type { TColumn } from "./columns";
import type { TExportRow, TRowSource } from "./types";

export const DEFAULT_CHUNK_CHARS = 1 << 20;

// JSON has one number type: JSON.stringify(1.0) is "1", and Hugging Face `datasets` would then type
// a margin column int64 in a file whose margins happen to be whole. Columns declared "double" are
// therefore written with a decimal point ("1.0"), so every row keeps one float type.
function doubleKeys(columns: TColumn[] | undefined): Set<string> {
  return new Set((columns ?? []).filter((c) => c.type === "double").map((c) => c.name));
}

export function serializeJsonlRow(row: TExportRow, doubles: Set<string>): string {
  if (doubles.size === 0) return JSON.stringify(row);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(row)) {
    if (value === undefined) continue;
    const text = doubles.has(key) && typeof value === "number" && Number.isInteger(value) ? value.toFixed(1) : JSON.stringify(value);
    parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(",")}}`;
}

/** Streams rows as JSON Lines ("\n" after every row), yielding UTF-8 chunks of about chunkChars. */
export async function* writeJsonl({ rows, columns, chunkChars = DEFAULT_CHUNK_CHARS }: { rows: TRowSource<TExportRow>; columns?: TColumn[]; chunkChars?: number }): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  const doubles = doubleKeys(columns);
  let parts: string[] = [];
  let size = 0;
  for await (const row of rows) {
    const line = serializeJsonlRow(row, doubles) + "\n";
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
