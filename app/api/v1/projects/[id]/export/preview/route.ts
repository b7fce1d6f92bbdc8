import { apiRoute } from "@/lib/api/api-route";
import { parseExportRequest } from "@/lib/export/parse-export-request";
import { previewExport } from "@/lib/export/preview-export";

export const dynamic = "force-dynamic";

// Same query as the export: the first 20 rows of the requested split and the row counts per split.
export const GET = apiRoute<{ id: string }>({ roles: ["ADMIN", "TRAINER"] }, async ({ request, caller, params, url }) => {
  const query = parseExportRequest(Object.fromEntries(url.searchParams));
  return previewExport({ caller, projectId: params.id, request: query, signal: request.signal }).catch((error: unknown) => {
    // the form asked again and dropped this request: nobody is waiting for an answer
    if (request.signal.aborted) return new Response(null, { status: 204 });
    throw error;
  });
});
