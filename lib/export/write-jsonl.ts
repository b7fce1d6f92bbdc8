import type { TExportRow, TRowSource } from "./types";

export const DEFAULT_CHUNK_CHARS = 1 << 20;

/** Streams rows as JSON Lines ("\n" after every row), yielding UTF-8 chunks of about chunkChars. */
export async function* writeJsonl({ rows, chunkChars = DEFAULT_CHUNK_CHARS }: { rows: TRowSource<TExportRow>; chunkChars?: number }): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let parts: string[] = [];
  let size = 0;
  for await (const row of rows) {
    const line = JSON.stringify(row) + "\n";
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
