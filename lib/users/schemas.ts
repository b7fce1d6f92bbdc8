import { z } from "zod";

export const ROLES = ["ADMIN", "TRAINER", "ANNOTATOR"] as const;
export const ZRole = z.enum(ROLES);

export const ZUserCreate = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  role: ZRole,
  name: z.string().trim().max(200).optional(),
  password: z.string().min(8, "passwords have at least 8 characters").max(1000).optional(),
});
export type TUserCreate = z.infer<typeof ZUserCreate>;
