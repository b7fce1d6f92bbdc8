import { apiRoute, readQuery } from "@/lib/api/api-route";
import { getAgreementReport } from "@/lib/quality/get-agreement-report";
import { ZQualityQuery } from "@/lib/quality/schemas";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>({ roles: ["ADMIN", "TRAINER"] }, async ({ caller, params, url }) =>
  getAgreementReport({ caller, projectId: params.id, query: readQuery(url, ZQualityQuery) }),
);
