import "server-only";
import { getPool } from "@/lib/db/client";
import type { TCaller } from "@/lib/auth/caller";

export type TMyJudgment = {
  id: string;
  createdAt: string;
  mode: "pairwise" | "rating" | "ranking";
  promptExcerpt: string;
  language: string;
  preference: number | null;
  bothBad: boolean;
  aspects: Record<string, number | null>;
  ratings: Record<string, number> | null;
  ranking: string[] | null;
  rationale: string | null;
  confidence: number | null;
  comments: Array<{ slot: string; lineStart: number; lineEnd: number; aspect: string | null; text: string }>;
};

type TRow = Omit<TMyJudgment, "ratings" | "ranking" | "createdAt"> & {
  createdAt: Date;
  slotOrder: string[];
  ratings: Record<string, Record<string, number>> | null;
  ranking: string[] | null;
};

// The caller's own judgments in one project, newest first, as the annotator saw them: slots
// (A, B, …) rather than response ids, and never a model name or anyone else's judgment.
export async function listMyJudgments(opts: { caller: TCaller; projectId: string; limit?: number }): Promise<TMyJudgment[]> {
  const limit = Math.max(1, Math.min(500, opts.limit ?? 200));
  const { rows } = await getPool().query<TRow>(
    `SELECT j.id, j.created_at AS "createdAt", p.mode, left(i.prompt, 280) AS "promptExcerpt", i.language,
            j.preference, j.both_bad AS "bothBad", j.aspects, j.ratings, j.ranking, j.rationale, j.confidence,
            a.slot_order AS "slotOrder",
            COALESCE((SELECT json_agg(json_build_object('slot', c.slot, 'lineStart', c.line_start, 'lineEnd', c.line_end, 'aspect', c.aspect, 'text', c.text)
                                ORDER BY c.slot, c.line_start)
                        FROM line_comments c WHERE c.judgment_id = j.id), '[]'::json) AS comments
       FROM judgments j
       JOIN assignments a ON a.id = j.assignment_id
       JOIN units u ON u.id = j.unit_id
       JOIN items i ON i.id = u.item_id
       JOIN projects p ON p.id = j.project_id
      WHERE j.user_id = $1 AND j.project_id = $2
      ORDER BY j.created_at DESC
      LIMIT $3`,
    [opts.caller.id, opts.projectId, limit],
  );
  return rows.map(({ slotOrder, ratings, ranking, createdAt, ...row }) => {
    // stored ratings and rankings are keyed by response id; turn them back into the slots shown
    const slotOf = (responseId: string) => String.fromCharCode(65 + slotOrder.indexOf(responseId));
    return {
      ...row,
      createdAt: createdAt.toISOString(),
      ratings: ratings ? (Object.values(ratings)[0] ?? null) : null,
      ranking: ranking ? ranking.map(slotOf) : null,
    };
  });
}
