import { apiRoute } from "@/lib/api/api-route";
import { importScores } from "@/lib/items/import-scores";
import { loadProjectForImport } from "@/lib/items/load-project-for-import";
import { assertNdjsonRequest } from "@/lib/items/assert-ndjson-request";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>({ roles: ["ADMIN", "TRAINER"] }, async ({ request, caller, params }) => {
  assertNdjsonRequest(request);
  const project = await loadProjectForImport(params.id);
  return importScores({ projectId: project.id, body: request.body, actorId: caller.id });
});
