import type { TCaller } from "@/lib/auth/caller";
import { getPool } from "@/lib/db/client";
import { createProject } from "@/lib/projects/create-project";
import type { TRubricInput } from "@/lib/projects/schemas";
import { createTestUser } from "./create-test-user";
import { uniqueId } from "./unique-id";

export type TTestProject = { id: string; mode: "pairwise" | "rating" | "ranking"; overlap: number; owner: TCaller };

// A project made the way the API makes it; settings the create call does not take (escalation
// cap) are set afterwards. Gold is off unless asked for, so tests control what gets served.
export async function createTestProject(opts: {
  mode?: TTestProject["mode"];
  overlap?: number;
  sampling?: "random" | "active";
  goldRate?: number;
  escalationCap?: number;
  leaseSeconds?: number;
  rubric?: TRubricInput;
  members?: TCaller[];
} = {}): Promise<TTestProject> {
  const owner = await createTestUser({ role: "TRAINER" });
  const mode = opts.mode ?? "pairwise";
  const overlap = opts.overlap ?? 3;
  const project = await createProject({
    actorId: owner.id,
    input: { name: uniqueId("project"), mode, overlap, sampling: opts.sampling ?? "random", instructions: "", rubric: opts.rubric, leaseSeconds: opts.leaseSeconds, goldRate: opts.goldRate ?? 0 },
  });
  if (opts.escalationCap !== undefined) {
    await getPool().query("UPDATE projects SET escalation_cap = $2 WHERE id = $1", [project.id, opts.escalationCap]);
  }
  if (opts.members?.length) await addMembers(project.id, opts.members);
  return { id: project.id, mode, overlap, owner };
}

export async function addMembers(projectId: string, users: TCaller[]): Promise<void> {
  await getPool().query(
    "INSERT INTO project_members (project_id, user_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING",
    [projectId, users.map((u) => u.id)],
  );
}

/** A rating rubric with two scales: correctness 1..5 (required) and compiles 0/1 (optional). */
export const LIKERT_AND_BINARY_RUBRIC: TRubricInput = {
  aspects: [
    { key: "correctness", label: "Correctness", description: "", scale: "likert5", required: true },
    { key: "compiles", label: "Compiles", description: "", scale: "binary", required: false },
  ],
  rationale: "optional",
};
