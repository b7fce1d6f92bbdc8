import { z } from "zod";
import { apiRoute, readQuery } from "@/lib/api/api-route";
import { listExports } from "@/lib/export/list-exports";

export const dynamic = "force-dynamic";
const ZQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });

export const GET = apiRoute<{ id: string }>({ roles: ["ADMIN", "TRAINER"] }, async ({ caller, params, url }) => {
  const { limit } = readQuery(url, ZQuery);
  return { exports: await listExports({ caller, projectId: params.id, limit }) };
});
