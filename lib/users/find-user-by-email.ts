import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

export async function findUserByEmail(opts: { email: string }) {
  const user = await db.user.findUnique({ where: { email: opts.email.trim().toLowerCase() }, select: { id: true, email: true, role: true } });
  if (!user) throw new AppError("not_found", `No user with email ${opts.email}`);
  return user;
}
