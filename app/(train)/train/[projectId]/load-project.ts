import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth/require-page-role";
import { isAppError } from "@/lib/errors/app-error";
import { getProject } from "@/lib/projects/get-project";

// Every page of the project screen starts here: staff only, and an unknown id is a 404 page.
// Cached per request, so the layout and the page share one lookup.
export const loadProjectPage = cache(async (projectId: string) => {
  const user = await requirePageRole(["ADMIN", "TRAINER"], `/train/${projectId}`);
  try {
    const project = await getProject({ caller: user, projectId });
    return { user, project };
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
});
