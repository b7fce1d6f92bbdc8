import { apiRoute, readJson } from "@/lib/api/api-route";
import { assertProjectAccess } from "@/lib/projects/assert-project-access";
import { listRubricVersions } from "@/lib/projects/list-rubric-versions";
import { updateRubric } from "@/lib/projects/update-rubric";
import { ZRubricInput } from "@/lib/projects/schemas";

export const dynamic = "force-dynamic";

// Every version, newest first, each with the number of judgments made under it.
export const GET = apiRoute<{ id: string }>({ roles: ["ADMIN", "TRAINER"] }, async ({ caller, params }) => {
  await assertProjectAccess({ caller, projectId: params.id, staffOnly: true });
  return { versions: await listRubricVersions({ projectId: params.id }) };
});

// A body `version` is ignored: the server decides whether the edit rewrites the current version
// (no judgments yet) or becomes the next one.
export const PUT = apiRoute<{ id: string }>({ roles: ["ADMIN", "TRAINER"] }, async ({ request, caller, params }) => {
  const rubric = await readJson(request, ZRubricInput);
  const { version } = await updateRubric({ projectId: params.id, rubric, actorId: caller.id });
  return { version };
});
