import { apiRoute, readJson } from "@/lib/api/api-route";
import { addProjectMember } from "@/lib/projects/add-project-member";
import { ZMemberAdd } from "@/lib/projects/schemas";

export const POST = apiRoute<{ id: string }>({ roles: ["ADMIN", "TRAINER"] }, async ({ request, caller, params }) => {
  const { email } = await readJson(request, ZMemberAdd);
  return Response.json(await addProjectMember({ projectId: params.id, email, actorId: caller.id }), { status: 200 });
});
