import "server-only";
import type { TAspectScale } from "@/lib/agreement";
import type { TCaller } from "@/lib/auth/caller";
import { getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { assertProjectAccess } from "@/lib/projects/assert-project-access";
import { ZStoredAspects } from "@/lib/projects/schemas";

export type TProjectMode = "pairwise" | "rating" | "ranking";

export type TQualityProject = {
  id: string;
  mode: TProjectMode;
  goldThreshold: number;
  rubricVersions: number[];
  /** the aspects the report measures, each on the scale its stored values use */
  aspectScales: Record<string, TAspectScale>;
};

/**
 * Which scale an aspect's stored values are on. In a pairwise project every aspect is stored as
 * a canonical −3..3 comparison (a binary aspect as −1/0/1: which side has it), so agreement
 * reads them all on the 7-point scale; in a rating project values are 1..5 or 0/1.
 */
function storedScale(mode: TProjectMode, scale: TAspectScale): TAspectScale {
  if (mode === "pairwise") return "pairwise7";
  return scale === "binary" ? "binary" : "likert5";
}

/**
 * The project as the quality views need it, for staff only (an unknown or archived project is a
 * 404). Aspects: those of `rubricVersion` when given, else every version's, newest first, so a
 * key renamed or dropped in a later version still has its older judgments measured.
 */
export async function loadQualityProject(opts: { caller: TCaller; projectId: string; rubricVersion?: number | null }): Promise<TQualityProject> {
  await assertProjectAccess({ caller: opts.caller, projectId: opts.projectId, staffOnly: true });
  const { rows } = await getPool().query<{ mode: TProjectMode; gold_threshold: number; version: number | null; aspects: unknown }>(
    `SELECT p.mode, p.gold_threshold, r.version, r.aspects
       FROM projects p LEFT JOIN rubrics r ON r.project_id = p.id
      WHERE p.id = $1 ORDER BY r.version DESC`,
    [opts.projectId],
  );
  if (!rows.length) throw new AppError("not_found", "No such project");
  const { mode, gold_threshold: goldThreshold } = rows[0];
  const aspectScales: Record<string, TAspectScale> = {};
  const rubricVersions: number[] = [];
  for (const row of rows) {
    if (row.version === null) continue;
    rubricVersions.push(row.version);
    if (opts.rubricVersion && row.version !== opts.rubricVersion) continue;
    for (const aspect of ZStoredAspects.parse(row.aspects)) aspectScales[aspect.key] ??= storedScale(mode, aspect.scale);
  }
  return { id: opts.projectId, mode, goldThreshold, rubricVersions, aspectScales: mode === "ranking" ? {} : aspectScales };
}
