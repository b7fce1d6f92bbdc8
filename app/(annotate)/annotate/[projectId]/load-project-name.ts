import "server-only";
import { notFound } from "next/navigation";
import type { TCaller } from "@/lib/auth/caller";
import { AppError } from "@/lib/errors/app-error";
import { getProject } from "@/lib/projects/get-project";

// A project the caller may not see is a plain 404, as in the API.
export async function loadProjectName(caller: TCaller, projectId: string): Promise<string> {
  try {
    return (await getProject({ caller, projectId })).name;
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
}
