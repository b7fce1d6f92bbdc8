import "server-only";
import { randomUUID } from "node:crypto";
import { getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { recordAudit } from "@/lib/audit/record-audit";
import { ZStoredAspects, type TRubricInput } from "./schemas";

export type TRubricUpdateResult = { version: number; previousVersion: number; outcome: "unchanged" | "updated_in_place" | "new_version" };

// A version that already has judgments is frozen (each judgment keeps the rubric it was made
// under), so the edit becomes version + 1; an unused version is simply rewritten.
// `FOR UPDATE` on the current rubric row conflicts with the FOR KEY SHARE lock a judgment insert
// takes through its foreign key: an in-flight judgment finishes (and is counted) before we look,
// and no new one can attach to the row while we rewrite it.
export async function updateRubric(opts: { projectId: string; rubric: TRubricInput; actorId: string; expectedVersion?: number }): Promise<TRubricUpdateResult> {
  const aspects = ZStoredAspects.parse(opts.rubric.aspects);
  const rationale = opts.rubric.rationale;
  const client = await getPool().connect();
  let result: TRubricUpdateResult;
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: string; version: number; aspects: unknown; rationale: string }>(
      `SELECT r.id, r.version, r.aspects, r.rationale
         FROM rubrics r JOIN projects p ON p.id = r.project_id AND p.archived_at IS NULL
        WHERE r.project_id = $1 ORDER BY r.version DESC LIMIT 1 FOR UPDATE OF r`,
      [opts.projectId],
    );
    const current = rows[0];
    if (!current) throw new AppError("not_found", "No such project");
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== current.version) {
      throw new AppError("conflict", `The rubric changed meanwhile (now version ${current.version}); reload and edit again`);
    }
    // parsed again so both sides list keys in the schema's order (jsonb reorders them)
    const isSame = JSON.stringify(ZStoredAspects.parse(current.aspects)) === JSON.stringify(aspects) && current.rationale === rationale;
    if (isSame) {
      await client.query("ROLLBACK");
      return { version: current.version, previousVersion: current.version, outcome: "unchanged" };
    }
    const used = await client.query("SELECT 1 FROM judgments WHERE project_id = $1 AND rubric_id = $2 LIMIT 1", [opts.projectId, current.id]);
    if (used.rowCount) {
      await client.query(
        `INSERT INTO rubrics (id, project_id, version, aspects, rationale, created_by_id, created_at) VALUES ($1, $2, $3, $4::jsonb, $5, $6, now())`,
        [randomUUID(), opts.projectId, current.version + 1, JSON.stringify(aspects), rationale, opts.actorId],
      );
      result = { version: current.version + 1, previousVersion: current.version, outcome: "new_version" };
    } else {
      await client.query("UPDATE rubrics SET aspects = $2::jsonb, rationale = $3 WHERE id = $1", [current.id, JSON.stringify(aspects), rationale]);
      result = { version: current.version, previousVersion: current.version, outcome: "updated_in_place" };
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  await recordAudit({
    actorId: opts.actorId,
    action: result.outcome === "new_version" ? "rubric.version.create" : "rubric.update",
    targetType: "project",
    targetId: opts.projectId,
    details: { version: result.version, previousVersion: result.previousVersion, aspects: aspects.map((a) => a.key), rationale },
  });
  return result;
}
