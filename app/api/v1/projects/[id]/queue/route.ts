import { apiRoute, readQuery } from "@/lib/api/api-route";
import { getProjectQueue } from "@/lib/ranking/get-project-queue";
import { ZQueueQuery } from "@/lib/ranking/schemas";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>({ roles: ["ADMIN", "TRAINER"] }, async ({ caller, params, url }) =>
  getProjectQueue({ caller, projectId: params.id, limit: readQuery(url, ZQueueQuery).limit }),
);
