// The designed export project: hand-picked judgments entered through the assignment path
// (getNextAssignment + submitJudgment), each given in the slot order the annotator was shown.
// Used by tests/export.int.test.ts and by scripts/ci-export-example.sh.
import { randomUUID } from "node:crypto";
import type { TCaller } from "@/lib/auth/caller";
import { getNextAssignment } from "@/lib/assignment/get-next-assignment";
import { submitJudgment } from "@/lib/assignment/submit-judgment";
import { getPool } from "@/lib/db/client";
import type { TItemInput } from "@/lib/items/schemas";
import { writeItemBatch } from "@/lib/items/write-item-batch";
import { createProject } from "@/lib/projects/create-project";
import { createUser } from "@/lib/users/create-user";

type TVote = number | "bad";
/** Canonical votes per unit (negative = the earlier response better), by rater u1…u4. */
type TUnitPlan = { item: string; a: string; b: string; votes: Partial<Record<"u1" | "u2" | "u3" | "u4", TVote>> };

const response = (id: string, model: string, content: string) => ({ id, model, content });

export const EXPORT_ITEMS: TItemInput[] = [
  {
    id: "a-sort",
    prompt: "Sort a list of integers in place.",
    language: "python",
    responses: [response("r1", "model-x", "def sort(a):\n    a.sort()\n"), response("r2", "model-y", "def sort(a):\n    return sorted(a)\n"), response("r3", "model-z", "def sort(a):\n    pass\n")],
  },
  { id: "b-both-bad", prompt: "Parse an ISO date.", language: "python", responses: [response("r1", "model-x", "date = None"), response("r2", "model-y", "raise NotImplementedError")] },
  {
    id: "c-gold",
    prompt: "Reverse a string.",
    language: "python",
    responses: [response("r1", "model-x", "s[::-1]"), response("r2", "model-y", "s.reverse()")],
    // listed the other way round: r1 (second here) is the better one, so canonical (r1, r2) is negative
    gold: { preference: 2, responses: ["r2", "r1"] },
  },
  { id: "d-flip", prompt: "Print fizz buzz.", language: "python", responses: [response("s1", "model-x", "print(1)"), response("s2", "model-y", "for i in range(1, 101): fizzbuzz(i)")] },
  { id: "e-split", prompt: "Sum a list.", language: "python", responses: [response("t1", "model-x", "sum(a)"), response("t2", "model-y", "functools.reduce(add, a)")] },
  { id: "f-small", prompt: "Max of a list.", language: "python", responses: [response("v1", "model-x", "max(a)"), response("v2", "model-y", "sorted(a)[-1]")] },
  { id: "g-identical", prompt: "Assign one.", language: "python", responses: [response("w1", "model-x", "x = 1\n"), response("w2", "model-y", "x  =  1  ")] },
];

export const EXPORT_PLAN: TUnitPlan[] = [
  { item: "a-sort", a: "r1", b: "r2", votes: { u1: -3, u2: -2, u3: 1 } },
  { item: "a-sort", a: "r1", b: "r3", votes: { u1: -3, u2: -3, u3: -3 } },
  { item: "a-sort", a: "r2", b: "r3", votes: { u1: 0, u2: 0, u3: 2 } },
  { item: "b-both-bad", a: "r1", b: "r2", votes: { u1: "bad", u2: "bad", u3: -1 } },
  { item: "c-gold", a: "r1", b: "r2", votes: { u1: -2, u2: -2, u3: -2, u4: 3 } },
  { item: "d-flip", a: "s1", b: "s2", votes: { u1: 3, u2: 2, u3: 3 } },
  { item: "e-split", a: "t1", b: "t2", votes: { u1: -2, u2: 2, u3: 0 } },
  { item: "f-small", a: "v1", b: "v2", votes: { u1: -1, u2: -1, u3: 1 } },
  { item: "g-identical", a: "w1", b: "w2", votes: { u1: -3, u2: -3, u3: -3 } },
];

export type TExportProjectFixture = { projectId: string; trainer: TCaller; raters: Record<"u1" | "u2" | "u3" | "u4", TCaller> };

async function makeUser(role: TCaller["role"], name: string): Promise<TCaller> {
  const email = `${name.toLowerCase().replace(/\s+/g, "-")}-${randomUUID().slice(0, 8)}@export.example`;
  const user = await createUser({ input: { email, role, name } });
  return { id: user.id, email: user.email, name: user.name, role: user.role, via: "token" };
}

/**
 * Seven items, nine pairs, raters u1–u3 on every pair and u4 (who gets the gold pair wrong, so is
 * flagged) on the gold pair only. d-flip's judgments are dated 2020; b-both-bad's are moved to
 * rubric version 2. Expected exports are worked out in tests/export.int.test.ts.
 */
export async function seedExportProject(): Promise<TExportProjectFixture> {
  const trainer = await makeUser("TRAINER", "Export Trainer");
  const raters = {
    u1: await makeUser("ANNOTATOR", "Rater One"),
    u2: await makeUser("ANNOTATOR", "Rater Two"),
    u3: await makeUser("ANNOTATOR", "Rater Three"),
    u4: await makeUser("ANNOTATOR", "Rater Four"),
  };
  const project = await createProject({
    actorId: trainer.id,
    input: { name: `Export ${randomUUID().slice(0, 6)}`, mode: "pairwise", overlap: 3, sampling: "random", instructions: "", goldRate: 0, goldThreshold: 0.7 },
  });
  const pool = getPool();
  // no escalation: every ordinary pair closes after its three judgments, so u4 is served only gold
  await pool.query("UPDATE projects SET escalation_cap = 0 WHERE id = $1", [project.id]);
  await pool.query("INSERT INTO project_members (project_id, user_id) SELECT $1, unnest($2::text[])", [project.id, Object.values(raters).map((r) => r.id)]);
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await writeItemBatch(client, { id: project.id, mode: "pairwise", overlap: 3 }, EXPORT_ITEMS);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
  for (const key of ["u1", "u2", "u3", "u4"] as const) await judgeEverything(project.id, key, raters[key]);
  await pool.query(
    `UPDATE judgments j SET created_at = '2020-01-01T00:00:00Z' FROM units u JOIN items i ON i.id = u.item_id
      WHERE j.unit_id = u.id AND i.project_id = $1 AND i.external_id = 'd-flip'`,
    [project.id],
  );
  await pool.query(
    `WITH v2 AS (INSERT INTO rubrics (id, project_id, version, aspects, rationale)
                 SELECT gen_random_uuid()::text, project_id, 2, aspects, rationale FROM rubrics WHERE project_id = $1 AND version = 1 RETURNING id)
     UPDATE judgments j SET rubric_version = 2, rubric_id = (SELECT id FROM v2) FROM units u JOIN items i ON i.id = u.item_id
      WHERE j.unit_id = u.id AND i.project_id = $1 AND i.external_id = 'b-both-bad'`,
    [project.id],
  );
  return { projectId: project.id, trainer, raters };
}

async function judgeEverything(projectId: string, key: "u1" | "u2" | "u3" | "u4", caller: TCaller): Promise<void> {
  const { rows } = await getPool().query<{ unit_id: string; item: string; a_id: string; a: string; b: string }>(
    `SELECT u.id AS unit_id, i.external_id AS item, ra.id AS a_id, ra.external_id AS a, rb.external_id AS b
       FROM units u JOIN items i ON i.id = u.item_id JOIN responses ra ON ra.id = u.response_a_id JOIN responses rb ON rb.id = u.response_b_id
      WHERE u.project_id = $1`,
    [projectId],
  );
  const units = new Map(rows.map((r) => [r.unit_id, r]));
  for (;;) {
    const view = await getNextAssignment({ caller, projectId });
    if (!view) return;
    const { rows: assigned } = await getPool().query<{ unit_id: string; slot_order: string[] }>("SELECT unit_id, slot_order FROM assignments WHERE id = $1", [view.id]);
    const unit = units.get(assigned[0].unit_id);
    const plan = unit && EXPORT_PLAN.find((p) => p.item === unit.item && p.a === unit.a && p.b === unit.b);
    const vote = plan?.votes[key];
    if (!unit || !plan || vote === undefined) throw new Error(`${key} was served a unit the plan does not expect (${unit?.item} ${unit?.a}/${unit?.b})`);
    const isFlipped = assigned[0].slot_order[0] !== unit.a_id;
    const shown = (v: number) => (isFlipped ? -v || 0 : v);
    // u1 leaves a comment on a-sort's weakest answer, wherever it was shown
    const weakSlot = isFlipped ? "A" : "B";
    const extra = key === "u1" && unit.item === "a-sort" && unit.a === "r1" && unit.b === "r3" ? { rationale: "r3 does nothing", comments: [{ slot: weakSlot, lineStart: 2, lineEnd: 2, text: "pass" }] } : {};
    const input =
      vote === "bad"
        ? { idempotencyKey: randomUUID(), bothBad: true }
        : { idempotencyKey: randomUUID(), preference: shown(vote), aspects: { correctness: shown(vote) }, ...extra };
    await submitJudgment({ caller, assignmentId: view.id, input });
  }
}

/**
 * A rating project (rate-1: q1 rated 5 and 3, q2 rated 2 and 2 on correctness) and a ranking
 * project (rank-1: both raters rank k2 > k1 > k3), judged through the assignment path whatever
 * slot order each rater was shown.
 */
export async function seedModeProject(mode: "rating" | "ranking"): Promise<{ projectId: string; trainer: TCaller }> {
  const trainer = await makeUser("TRAINER", "Mode Trainer");
  const raters = [await makeUser("ANNOTATOR", "Mode Rater One"), await makeUser("ANNOTATOR", "Mode Rater Two")];
  const project = await createProject({ actorId: trainer.id, input: { name: `Export ${mode} ${randomUUID().slice(0, 6)}`, mode, overlap: 2, sampling: "random", instructions: "", goldRate: 0 } });
  const pool = getPool();
  await pool.query("INSERT INTO project_members (project_id, user_id) SELECT $1, unnest($2::text[])", [project.id, raters.map((r) => r.id)]);
  const items: TItemInput[] =
    mode === "rating"
      ? [{ id: "rate-1", prompt: "Parse a date.", language: "python", responses: [response("q1", "model-x", "dateutil.parse(s)"), response("q2", "model-y", "s.split('-')")] }]
      : [{ id: "rank-1", prompt: "Dedupe a list.", language: "python", responses: [response("k1", "model-x", "list(set(a))"), response("k2", "model-y", "list(dict.fromkeys(a))"), response("k3", "model-z", "a")] }];
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await writeItemBatch(client, { id: project.id, mode, overlap: 2 }, items);
    await client.query("COMMIT");
  } finally {
    client.release();
  }
  const { rows: responses } = await pool.query<{ id: string; external_id: string }>("SELECT id, external_id FROM responses WHERE project_id = $1", [project.id]);
  const externalOf = new Map(responses.map((r) => [r.id, r.external_id]));
  for (const [index, caller] of raters.entries()) {
    for (;;) {
      const view = await getNextAssignment({ caller, projectId: project.id });
      if (!view) break;
      const { rows } = await pool.query<{ slot_order: string[] }>("SELECT slot_order FROM assignments WHERE id = $1", [view.id]);
      const shown = rows[0].slot_order.map((id) => externalOf.get(id)!);
      const slotOf = (external: string) => String.fromCharCode(65 + shown.indexOf(external));
      const input =
        mode === "rating"
          ? { idempotencyKey: randomUUID(), ratings: { A: { correctness: shown[0] === "q1" ? (index === 0 ? 5 : 3) : 2 } } }
          : { idempotencyKey: randomUUID(), ranking: ["k2", "k1", "k3"].map(slotOf) };
      await submitJudgment({ caller, assignmentId: view.id, input });
    }
  }
  return { projectId: project.id, trainer };
}
