import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { ZUserCreate, type TUserCreate } from "./schemas";

export async function createUser(opts: { input: TUserCreate; actorId?: string | null }) {
  const input = ZUserCreate.parse(opts.input);
  const existing = await db.user.findUnique({ where: { email: input.email } });
  if (existing) throw new AppError("conflict", `A user with email ${input.email} exists`);
  const user = await db.user.create({
    data: { email: input.email, role: input.role, name: input.name ?? null, passwordHash: input.password ? await hashPassword(input.password) : null },
    select: { id: true, email: true, name: true, role: true, createdAt: true },
  });
  await recordAudit({ actorId: opts.actorId ?? null, action: "user.create", targetType: "user", targetId: user.id, details: { email: user.email, role: user.role } });
  return user;
}
