import { apiRoute, readQuery } from "@/lib/api/api-route";
import { getQualityCsv } from "@/lib/quality/get-quality-csv";
import { ZQualityCsvQuery } from "@/lib/quality/schemas";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>({ roles: ["ADMIN", "TRAINER"] }, async ({ caller, params, url }) => {
  const { table, ...query } = readQuery(url, ZQualityCsvQuery);
  const { fileName, csv } = await getQualityCsv({ caller, projectId: params.id, table, query });
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${fileName}"`, "cache-control": "no-store" },
  });
});
