import { apiRoute } from "@/lib/api/api-route";
import { parseExportRequest } from "@/lib/export/parse-export-request";
import { runExport } from "@/lib/export/run-export";
import { serveExportFile } from "@/lib/export/serve-export-file";

export const dynamic = "force-dynamic";

// The file is written and hashed in full before the first byte is sent (see lib/export/run-export.ts),
// so the response announces its size and sha256 (X-Export-Bytes, X-Export-Sha256) before the body.
export const GET = apiRoute<{ id: string }>({ roles: ["ADMIN", "TRAINER"] }, async ({ request, caller, params, url }) => {
  const query = parseExportRequest(Object.fromEntries(url.searchParams));
  return serveExportFile(await runExport({ caller, projectId: params.id, request: query, signal: request.signal }));
});
