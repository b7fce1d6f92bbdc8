import { createHash } from "node:crypto";

/**
 * A rater's id in exported files: stable within a project (so agreement can be recomputed from the
 * file) but different across projects, and never the user id, e-mail or name.
 */
export function pseudonymizeRater({ projectId, userId }: { projectId: string; userId: string }): string {
  return "rater-" + createHash("sha256").update(projectId + userId, "utf8").digest("hex").slice(0, 10);
}

/** Memoised per export: a project has few raters and many judgments. */
export function createRaterPseudonyms(projectId: string): (userId: string) => string {
  const cache = new Map<string, string>();
  return (userId) => {
    let pseudonym = cache.get(userId);
    if (pseudonym === undefined) cache.set(userId, (pseudonym = pseudonymizeRater({ projectId, userId })));
    return pseudonym;
  };
}
