import { randomUUID } from "node:crypto";
import pg from "pg";
import { getNextAssignment } from "@/lib/assignment/get-next-assignment";
import { submitJudgment } from "@/lib/assignment/submit-judgment";
import type { TCaller } from "@/lib/auth/caller";
import { getPool } from "@/lib/db/client";

export type TRoundTrips = { next: number; submit: number; samples: number };

// Database round trips of the lib calls behind `next` and submit, counted in this process by
// wrapping pg's Client#query (every pool and Prisma query goes through it). The routes add one
// token statement per request on top (lookup and rate-limit count together). A fresh annotator is used, so the run's figures stay apart.
export async function countRoundTrips(opts: { projectId: string; samples: number }): Promise<TRoundTrips> {
  const pool = getPool();
  const id = randomUUID();
  await pool.query("INSERT INTO users (id, email, role) VALUES ($1, $2, 'ANNOTATOR')", [id, `bench-rt-${id.slice(0, 8)}@bench.example`]);
  await pool.query("INSERT INTO project_members (project_id, user_id) VALUES ($1, $2)", [opts.projectId, id]);
  const caller: TCaller = { id, email: "rt@bench.example", name: null, role: "ANNOTATOR", via: "token" };
  const original = pg.Client.prototype.query;
  let count = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    count++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    // one call each first, so caches (open-unit count) and prepared statements are warm
    const warm = await getNextAssignment({ caller, projectId: opts.projectId });
    if (warm) await submitJudgment({ caller, assignmentId: warm.id, input: { idempotencyKey: randomUUID(), preference: 1, aspects: { correctness: 1 } } });
    let next = 0;
    let submit = 0;
    for (let i = 0; i < opts.samples; i++) {
      count = 0;
      const view = await getNextAssignment({ caller, projectId: opts.projectId });
      next += count;
      count = 0;
      await submitJudgment({ caller, assignmentId: view!.id, input: { idempotencyKey: randomUUID(), preference: -1, aspects: { correctness: -1 } } });
      submit += count;
    }
    return { next: next / opts.samples, submit: submit / opts.samples, samples: opts.samples };
  } finally {
    pg.Client.prototype.query = original;
  }
}
