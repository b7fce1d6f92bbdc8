import { apiRoute, readQuery } from "@/lib/api/api-route";
import { importItems } from "@/lib/items/import-items";
import { listItems } from "@/lib/items/list-items";
import { loadProjectForImport } from "@/lib/items/load-project-for-import";
import { assertNdjsonRequest } from "@/lib/items/assert-ndjson-request";
import { ZItemListQuery } from "@/lib/items/schemas";
import { assertProjectAccess } from "@/lib/projects/assert-project-access";

export const dynamic = "force-dynamic";

// One page of items with model names and scores (staff only): `?after=<last id>` for the next page.
export const GET = apiRoute<{ id: string }>({ roles: ["ADMIN", "TRAINER"] }, async ({ caller, params, url }) => {
  const query = readQuery(url, ZItemListQuery);
  await assertProjectAccess({ caller, projectId: params.id, staffOnly: true });
  return listItems({ projectId: params.id, after: query.after, before: query.before, q: query.q, goldOnly: query.gold === "1" || query.gold === "true", limit: query.limit });
});

export const POST = apiRoute<{ id: string }>({ roles: ["ADMIN", "TRAINER"] }, async ({ request, caller, params }) => {
  assertNdjsonRequest(request);
  const project = await loadProjectForImport(params.id);
  return importItems({ project, body: request.body, actorId: caller.id });
});
