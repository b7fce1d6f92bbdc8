import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { getPool } from "@/lib/db/client";
import { exportDir } from "./export-storage";

/** No export runs this long; a RUNNING record or a file this old belongs to a killed process. */
export const STALE_AFTER_MS = 60 * 60 * 1000;

/**
 * After a crash: records left RUNNING become FAILED (they never got a sha256, so no client could
 * mistake them for complete), and leftover files (partial writes, or finished files whose serving
 * was cut off) are deleted. Runs at the start of every export.
 */
export async function sweepStaleExports({ now = Date.now() }: { now?: number } = {}): Promise<void> {
  await getPool().query(
    `UPDATE export_records SET status = 'FAILED', completed_at = now(), counts = counts || '{"error": "interrupted"}'::jsonb
      WHERE status = 'RUNNING' AND created_at < $1`,
    [new Date(now - STALE_AFTER_MS)],
  );
  const dir = exportDir();
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const entry = path.join(dir, name);
    const stat = await fs.stat(entry).catch(() => null);
    if (stat && now - stat.mtimeMs > STALE_AFTER_MS) await fs.rm(entry, { recursive: true, force: true });
  }
}
