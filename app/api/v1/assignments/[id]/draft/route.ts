import { apiRoute, readJson } from "@/lib/api/api-route";
import { saveDraft } from "@/lib/assignment/save-draft";
import { ZDraftInput } from "@/lib/assignment/schemas";

export const PUT = apiRoute<{ id: string }>({}, async ({ request, caller, params }) => {
  const { draft } = await readJson(request, ZDraftInput, 250_000);
  return saveDraft({ caller, assignmentId: params.id, draft });
});
