import { apiRoute, readJson } from "@/lib/api/api-route";
import { pauseRater } from "@/lib/quality/pause-rater";
import { ZRaterPauseInput } from "@/lib/quality/schemas";

export const POST = apiRoute<{ id: string }>({ roles: ["ADMIN"] }, async ({ request, caller, params }) =>
  pauseRater({ caller, projectId: params.id, input: await readJson(request, ZRaterPauseInput) }),
);
