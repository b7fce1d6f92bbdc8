import { bytesEntry, type TArchiveEntry } from "./archive-entry";
import { writeTarGz } from "./write-tar-gz";
import { writeZip } from "./write-zip";

export type TBundleArchive = "tar.gz" | "zip";

/** One Parquet file of the bundle; `chunks` re-opens it (e.g. a temp file's read stream). */
export type TBundleFile = { config: string; split: string; size: number; chunks: TArchiveEntry["chunks"] };

/** The Hub's layout: split names come from file names. */
export function bundlePath({ config, split }: { config: string; split: string }): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(config) || !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(split)) {
    throw new Error(`config and split names are plain words: ${config}/${split}`);
  }
  return `${config}/${split}-00000-of-00001.parquet`;
}

/**
 * A Hugging Face dataset bundle: README.md (the card) then `<config>/<split>-00000-of-00001.parquet`
 * sorted by path, as .tar.gz or .zip. Parquet is stored in zip (already compressed).
 */
export function writeBundle({ archive, card, files }: { archive: TBundleArchive; card: string; files: TBundleFile[] }): AsyncGenerator<Uint8Array> {
  const parquet = files
    .map((f): TArchiveEntry => ({ path: bundlePath(f), size: f.size, chunks: f.chunks, compress: false }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (let i = 1; i < parquet.length; i++) if (parquet[i].path === parquet[i - 1].path) throw new Error(`duplicate bundle file ${parquet[i].path}`);
  const entries = [bytesEntry({ path: "README.md", bytes: new TextEncoder().encode(card), compress: true }), ...parquet];
  return archive === "zip" ? writeZip({ entries }) : writeTarGz({ entries });
}
