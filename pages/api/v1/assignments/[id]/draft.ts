import { pagesApiRoute, readPagesJson } from "@/lib/api/pages-api-route";
import { saveDraft } from "@/lib/assignment/save-draft";
import { ZDraftInput } from "@/lib/assignment/schemas";

// bodies are read by the handler (readPagesJson), with our limits and errors; Next needs this literal
export const config = { api: { bodyParser: false, externalResolver: true } };

export default pagesApiRoute<{ id: string }>({
  PUT: {
    handle: async ({ req, caller, params }) => {
      const { draft } = await readPagesJson(req, ZDraftInput, 250_000);
      return { body: await saveDraft({ caller, assignmentId: params.id, draft }) };
    },
  },
});
