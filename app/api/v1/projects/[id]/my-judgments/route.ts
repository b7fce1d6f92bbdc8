import { z } from "zod";
import { apiRoute, readQuery } from "@/lib/api/api-route";
import { assertProjectAccess } from "@/lib/projects/assert-project-access";
import { listMyJudgments } from "@/lib/assignment/list-my-judgments";

export const dynamic = "force-dynamic";
const ZQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).optional() });

// The caller's own judgments in this project (any role; everyone sees only their own).
export const GET = apiRoute<{ id: string }>({}, async ({ caller, params, url }) => {
  const { limit } = readQuery(url, ZQuery);
  await assertProjectAccess({ caller, projectId: params.id });
  return { judgments: await listMyJudgments({ caller, projectId: params.id, limit }) };
});
