import { apiRoute } from "@/lib/api/api-route";
import { refitProject } from "@/lib/ranking/refit-project";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>({ roles: ["ADMIN", "TRAINER"] }, async ({ caller, params }) => refitProject({ caller, projectId: params.id }));
