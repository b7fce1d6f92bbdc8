import "server-only";
import { redirect, forbidden } from "next/navigation";
import { getSessionUser } from "./get-session-user";
import type { TCaller, TRole } from "./caller";

// For layouts, pages and server actions: no session → sign-in page; wrong role → 403 page.
export async function requirePageRole(roles: readonly TRole[], from = "/"): Promise<TCaller> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(from)}`);
  if (!roles.includes(user.role)) forbidden();
  return user;
}
