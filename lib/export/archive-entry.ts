import type { TRowSource } from "./types";

/**
 * One file of an archive. `chunks` may be called more than once (a stored zip entry is read twice:
 * once for its CRC, once for its bytes), so pass a function that re-opens the source.
 */
export type TArchiveEntry = {
  path: string;
  size: number;
  chunks: () => TRowSource<Uint8Array>;
  /** Zip only: deflate this entry (text) or store it (already compressed, e.g. Parquet). */
  compress?: boolean;
};

export function bytesEntry({ path, bytes, compress }: { path: string; bytes: Uint8Array; compress?: boolean }): TArchiveEntry {
  return { path, size: bytes.length, chunks: () => [bytes], compress };
}
