import { pagesApiRoute } from "@/lib/api/pages-api-route";
import { readQuery } from "@/lib/api/api-route";
import { getNextAssignment } from "@/lib/assignment/get-next-assignment";
import { ZNextQuery } from "@/lib/assignment/schemas";

// bodies are read by the handler (readPagesJson), with our limits and errors; Next needs this literal
export const config = { api: { bodyParser: false, externalResolver: true } };

export default pagesApiRoute<{ id: string }>({
  GET: {
    roles: ["ANNOTATOR", "ADMIN"],
    handle: async ({ caller, params, url }) => {
      const { exclude } = readQuery(url, ZNextQuery);
      const assignment = await getNextAssignment({ caller, projectId: params.id, exclude: exclude ? exclude.split(",").filter(Boolean) : [] });
      return assignment ? { body: { assignment } } : null;
    },
  },
});
