import { apiRoute, readQuery } from "@/lib/api/api-route";
import { compareModelsToHumans } from "@/lib/quality/compare-models-to-humans";
import { ZQualityQuery } from "@/lib/quality/schemas";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>({ roles: ["ADMIN", "TRAINER"] }, async ({ caller, params, url }) =>
  compareModelsToHumans({ caller, projectId: params.id, query: readQuery(url, ZQualityQuery) }),
);
