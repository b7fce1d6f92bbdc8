// Bulk data for export benchmarks and the crash test: a pairwise project of `items` items with
// three responses, all three pairs judged by three of `raters` raters (9 judgments per item),
// written by set-based INSERT … SELECT in the database (no rows cross the wire). Preferences lean
// towards a per-pair winner: 5 % both-bad, 15 % ties, 10 % against, the rest for, strength 1–3.
import { randomUUID } from "node:crypto";
import type pg from "pg";

export type TBulkProject = { projectId: string; trainerId: string; judgments: number };

const CONTENT = `'def solve_' || g || '_' || k || '(xs):\n    """Return the answer for case ' || g || '."""\n' ||
  repeat('    total = sum(x * ' || k || ' for x in xs if x % 2 == 0)  # ' || substr(md5(g::text || k), 1, 12) || '\n', 6) || '    return total\n'`;

export async function seedBulkExportProject(client: pg.Client | pg.PoolClient, { items, raters = 30, tag = randomUUID().slice(0, 8) }: { items: number; raters?: number; tag?: string }): Promise<TBulkProject> {
  const q = (text: string, values: unknown[] = []) => client.query(text, values);
  const projectId = `bench-${tag}`;
  const trainerId = `${projectId}-trainer`;
  await q("BEGIN");
  // rows are consistent by construction: skip the foreign-key triggers (superuser only), which
  // otherwise cost more than the inserts themselves
  await q("SET LOCAL session_replication_role = replica");
  await q(`INSERT INTO users (id, email, name, role) VALUES ($1, $1 || '@bench.example', 'Bench Trainer', 'TRAINER')`, [trainerId]);
  await q(`INSERT INTO users (id, email, name, role) SELECT $1 || '-rater-' || k, $1 || '-rater-' || k || '@bench.example', 'Bench Rater ' || k, 'ANNOTATOR' FROM generate_series(1, $2) k`, [projectId, raters]);
  await q(`INSERT INTO projects (id, name, mode, overlap, created_by_id) VALUES ($1, 'Export bench ' || $2, 'pairwise', 3, $3)`, [projectId, tag, trainerId]);
  await q(`INSERT INTO rubrics (id, project_id, version, aspects) VALUES ($1 || '-rubric', $1, 1, '[{"key":"correctness","label":"Correctness","description":"","scale":"pairwise7","required":true}]')`, [projectId]);
  await q(
    `INSERT INTO items (id, project_id, external_id, prompt, language, updated_at)
     SELECT $1 || '-i' || g, $1, 'item-' || lpad(g::text, 7, '0'),
            'Write a Python function for task ' || g || ': given a list of integers, return the sum of the even ones multiplied by a factor. ' ||
            'Handle empty input and very long lists efficiently. Case id ' || md5(g::text), 'python', now()
       FROM generate_series(1, $2) g`,
    [projectId, items],
  );
  await q(
    `INSERT INTO responses (id, item_id, project_id, external_id, position, model, content)
     SELECT $1 || '-i' || g || '-r' || k, $1 || '-i' || g, $1, 'r' || k, k - 1, 'model-' || k, ${CONTENT}
       FROM generate_series(1, $2) g, generate_series(1, 3) k`,
    [projectId, items],
  );
  await q(
    `INSERT INTO units (id, project_id, item_id, response_a_id, response_b_id, target, judgment_count, open)
     SELECT $1 || '-i' || g || '-u' || p.k, $1, $1 || '-i' || g, $1 || '-i' || g || '-r' || p.a, $1 || '-i' || g || '-r' || p.b, 3, 3, false
       FROM generate_series(1, $2) g, (VALUES (1, 1, 2), (2, 1, 3), (3, 2, 3)) AS p(k, a, b)`,
    [projectId, items],
  );
  await q(
    `INSERT INTO assignments (id, project_id, unit_id, user_id, status, slot_order, propensity, reason, leased_at, expires_at, completed_at)
     SELECT u.id || '-a' || j, $1, u.id, $1 || '-rater-' || (1 + ((hashtext(u.id) & 65535) + j) % $2), 'SUBMITTED',
            CASE WHEN random() < 0.5 THEN jsonb_build_array(u.response_a_id, u.response_b_id) ELSE jsonb_build_array(u.response_b_id, u.response_a_id) END,
            1, 'random', now(), now(), now()
       FROM units u, generate_series(0, 2) j WHERE u.project_id = $1`,
    [projectId, raters],
  );
  await q(
    `INSERT INTO judgments (id, assignment_id, project_id, unit_id, user_id, rubric_id, rubric_version, idempotency_key, preference, canonical_pref,
                            both_bad, aspects, canonical_aspects, active_seconds, left_slot_response_id, created_at)
     SELECT id || '-j', id, $1, unit_id, user_id, $1 || '-rubric', 1, id,
            CASE WHEN bad THEN NULL WHEN flipped THEN -v ELSE v END, CASE WHEN bad THEN NULL ELSE v END, bad,
            CASE WHEN bad THEN '{}'::jsonb ELSE jsonb_build_object('correctness', CASE WHEN flipped THEN -v ELSE v END) END,
            CASE WHEN bad THEN '{}'::jsonb ELSE jsonb_build_object('correctness', v) END,
            20 + r2 * 100, slot_order->>0, now() - make_interval(secs => r2 * 86400 * 30)
       FROM (SELECT a.id, a.unit_id, a.user_id, a.slot_order, (a.slot_order->>0) <> u.response_a_id AS flipped, r1 < 0.05 AS bad, r2,
                    (CASE WHEN r1 < 0.20 THEN 0 WHEN r1 < 0.30 THEN -d ELSE d END) * (1 + floor(r2 * 3)::int) AS v
               FROM (SELECT a.*, random() AS r1, random() AS r2, ((hashtext(a.unit_id) >> 3) & 1) * 2 - 1 AS d FROM assignments a WHERE a.project_id = $1) a
               JOIN units u ON u.id = a.unit_id) s`,
    [projectId],
  );
  await q("COMMIT");
  await q("ANALYZE items; ANALYZE responses; ANALYZE units; ANALYZE assignments; ANALYZE judgments");
  return { projectId, trainerId, judgments: items * 9 };
}
