import "server-only";
import type { TCaller } from "@/lib/auth/caller";
import { describeQualityFilter } from "./build-quality-filter-sql";
import { computeQuality, type TQualitySnapshot } from "./compute-quality";
import { loadQualityProject, type TQualityProject } from "./load-quality-project";
import { createQualityCache, type TQualityCache } from "./quality-cache";
import { readQualityFingerprint } from "./read-quality-fingerprint";
import { toBootstrapRequest, toQualityFilter, type TQualityQuery } from "./schemas";

// A snapshot is a few kilobytes, plus what the human votes per pair are counted from (the
// report's columns: about 25 MB for a million judgments) until the model comparison has used
// them; entries go when they expire. Skips and
// score uploads are outside the fingerprint: a snapshot may miss them for this long.
const CACHE_TTL_MS = Number(process.env.QUALITY_CACHE_TTL_MS ?? 120_000);
const globals = globalThis as unknown as { __codejudgeQualityCache?: TQualityCache<TQualitySnapshot> };
export const qualityCache = (globals.__codejudgeQualityCache ??= createQualityCache<TQualitySnapshot>({ maxEntries: 64, ttlMs: CACHE_TTL_MS }));

/**
 * The project's quality snapshot for staff, computed once per (filter, data fingerprint) and then
 * served from memory until a judgment or gold answer changes. The dashboard asks for the report
 * and the model comparison at once: both land on the same cache entry, so one computation
 * serves both (concurrent misses share it).
 */
export async function getQualitySnapshot(opts: { caller: TCaller; projectId: string; query: TQualityQuery }): Promise<{ project: TQualityProject; snapshot: TQualitySnapshot }> {
  const filter = toQualityFilter(opts.query);
  const bootstrap = toBootstrapRequest(opts.query);
  const project = await loadQualityProject({ caller: opts.caller, projectId: opts.projectId, rubricVersion: filter.rubricVersion });
  const fingerprint = await readQualityFingerprint({ projectId: project.id, filter });
  const key = [project.id, project.mode, describeQualityFilter(filter), bootstrap ? `${bootstrap.iterations}/${bootstrap.seed}` : "", JSON.stringify(project.aspectScales)].join("#");
  const { value } = await qualityCache.get(key, fingerprint, () => computeQuality({ project, filter, bootstrap }));
  return { project, snapshot: value };
}
