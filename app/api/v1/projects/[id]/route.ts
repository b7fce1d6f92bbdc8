import { apiRoute } from "@/lib/api/api-route";
import { getProject } from "@/lib/projects/get-project";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>({}, async ({ caller, params }) => getProject({ caller, projectId: params.id }));
