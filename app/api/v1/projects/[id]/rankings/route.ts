import { apiRoute, readQuery } from "@/lib/api/api-route";
import { getProjectRankings } from "@/lib/ranking/get-project-rankings";
import { ZRankingsQuery } from "@/lib/ranking/schemas";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>({ roles: ["ADMIN", "TRAINER"] }, async ({ caller, params, url }) =>
  getProjectRankings({ caller, projectId: params.id, query: readQuery(url, ZRankingsQuery) }),
);
