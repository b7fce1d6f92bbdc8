import { apiRoute } from "@/lib/api/api-route";
import { getExport } from "@/lib/export/get-export";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string; exportId: string }>({ roles: ["ADMIN", "TRAINER"] }, async ({ caller, params }) =>
  getExport({ caller, projectId: params.id, exportId: params.exportId }),
);
