import { pagesApiRoute, readPagesJson } from "@/lib/api/pages-api-route";
import { submitJudgment } from "@/lib/assignment/submit-judgment";
import { ZJudgmentInput } from "@/lib/assignment/schemas";

// bodies are read by the handler (readPagesJson), with our limits and errors; Next needs this literal
export const config = { api: { bodyParser: false, externalResolver: true } };

export default pagesApiRoute<{ id: string }>({
  POST: {
    handle: async ({ req, caller, params }) => {
      const input = await readPagesJson(req, ZJudgmentInput);
      const result = await submitJudgment({ caller, assignmentId: params.id, input });
      return { status: result.created ? 201 : 200, body: { judgmentId: result.judgmentId } };
    },
  },
});
