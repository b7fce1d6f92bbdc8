import { pagesApiRoute, readPagesJson } from "@/lib/api/pages-api-route";
import { skipAssignment } from "@/lib/assignment/skip-assignment";
import { ZSkipInput } from "@/lib/assignment/schemas";

// bodies are read by the handler (readPagesJson), with our limits and errors; Next needs this literal
export const config = { api: { bodyParser: false, externalResolver: true } };

export default pagesApiRoute<{ id: string }>({
  POST: {
    handle: async ({ req, caller, params }) => {
      const { reason } = await readPagesJson(req, ZSkipInput);
      return { body: await skipAssignment({ caller, assignmentId: params.id, reason }) };
    },
  },
});
