import path from "node:path";

/** Where exports are written before they are served: EXPORT_DIR, else .data/exports in the app folder. */
export function exportDir(): string {
  return path.resolve(process.env.EXPORT_DIR ?? path.join(".data", "exports"));
}

/** A file being written; never served. */
export function partialPath(exportId: string): string {
  return path.join(exportDir(), `${exportId}.partial`);
}

/** A finished file: only a complete, hashed file is ever renamed to this name. */
export function completePath(exportId: string): string {
  return path.join(exportDir(), `${exportId}.complete`);
}

/** Scratch folder for a bundle's Parquet files. */
export function scratchDir(exportId: string): string {
  return path.join(exportDir(), `${exportId}.parts`);
}
