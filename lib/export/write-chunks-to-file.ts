import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import type { TRowSource } from "./types";

/**
 * Writes a byte stream to `filePath`, hashing as it goes, and fsyncs before returning: a file whose
 * hash was reported is on disk in full. Each chunk is awaited, so at most one chunk is in memory.
 */
export async function writeChunksToFile({ chunks, filePath }: { chunks: TRowSource<Uint8Array>; filePath: string }): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  const handle = await fs.open(filePath, "w");
  let bytes = 0;
  try {
    for await (const chunk of chunks) {
      hash.update(chunk);
      bytes += chunk.length;
      let offset = 0;
      while (offset < chunk.length) offset += (await handle.write(chunk, offset, chunk.length - offset)).bytesWritten;
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { sha256: hash.digest("hex"), bytes };
}
