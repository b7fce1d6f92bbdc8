"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requirePageRole } from "@/lib/auth/require-page-role";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";

export type TTokenState = { secret: string | null; error: string | null };

export async function createTokenAction(_prev: TTokenState, form: FormData): Promise<TTokenState> {
  const user = await requirePageRole(["ADMIN", "TRAINER", "ANNOTATOR"], "/settings/tokens");
  const label = z.string().trim().max(100).safeParse(form.get("label") ?? "");
  if (!label.success) return { secret: null, error: "Labels have at most 100 characters" };
  const token = await createApiToken({ userId: user.id, label: label.data });
  revalidatePath("/settings/tokens");
  return { secret: token.secret, error: null };
}

export async function revokeTokenAction(form: FormData): Promise<void> {
  const user = await requirePageRole(["ADMIN", "TRAINER", "ANNOTATOR"], "/settings/tokens");
  await revokeApiToken({ tokenId: String(form.get("tokenId")), actor: user });
  revalidatePath("/settings/tokens");
}
