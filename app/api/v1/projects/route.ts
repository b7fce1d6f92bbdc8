import { apiRoute, readJson } from "@/lib/api/api-route";
import { listProjects } from "@/lib/projects/list-projects";
import { createProject } from "@/lib/projects/create-project";
import { getProject } from "@/lib/projects/get-project";
import { ZProjectCreate } from "@/lib/projects/schemas";

export const dynamic = "force-dynamic";

export const GET = apiRoute({}, async ({ caller }) => ({ projects: await listProjects({ caller }) }));

export const POST = apiRoute({ roles: ["ADMIN", "TRAINER"] }, async ({ request, caller }) => {
  const input = await readJson(request, ZProjectCreate);
  const project = await createProject({ input, actorId: caller.id });
  return Response.json(await getProject({ caller, projectId: project.id }), { status: 201 });
});
