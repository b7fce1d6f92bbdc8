import { apiRoute, readJson } from "@/lib/api/api-route";
import { skipAssignment } from "@/lib/assignment/skip-assignment";
import { ZSkipInput } from "@/lib/assignment/schemas";

export const POST = apiRoute<{ id: string }>({}, async ({ request, caller, params }) => {
  const { reason } = await readJson(request, ZSkipInput);
  return skipAssignment({ caller, assignmentId: params.id, reason });
});
