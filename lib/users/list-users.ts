import "server-only";
import { db } from "@/lib/db/client";

export async function listUsers() {
  return db.user.findMany({
    orderBy: [{ role: "asc" }, { email: "asc" }],
    select: { id: true, email: true, name: true, role: true, disabled: true, createdAt: true, memberships: { select: { projectId: true, paused: true } } },
  });
}
