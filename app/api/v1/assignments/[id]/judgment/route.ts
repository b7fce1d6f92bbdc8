import { apiRoute, readJson } from "@/lib/api/api-route";
import { submitJudgment } from "@/lib/assignment/submit-judgment";
import { ZJudgmentInput } from "@/lib/assignment/schemas";

export const POST = apiRoute<{ id: string }>({}, async ({ request, caller, params }) => {
  const input = await readJson(request, ZJudgmentInput);
  const result = await submitJudgment({ caller, assignmentId: params.id, input });
  return Response.json({ judgmentId: result.judgmentId }, { status: result.created ? 201 : 200 });
});
