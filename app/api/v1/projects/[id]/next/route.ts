import { apiRoute, readQuery } from "@/lib/api/api-route";
import { getNextAssignment } from "@/lib/assignment/get-next-assignment";
import { ZNextQuery } from "@/lib/assignment/schemas";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>({ roles: ["ANNOTATOR", "ADMIN"] }, async ({ caller, params, url }) => {
  const { exclude } = readQuery(url, ZNextQuery);
  const assignment = await getNextAssignment({ caller, projectId: params.id, exclude: exclude ? exclude.split(",").filter(Boolean) : [] });
  return assignment ? { assignment } : new Response(null, { status: 204 });
});
