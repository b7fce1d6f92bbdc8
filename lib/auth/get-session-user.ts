import "server-only";
import { cache } from "react";
import type { NextApiRequest, NextApiResponse } from "next";
import { getServerSession } from "next-auth";
import { getPool } from "@/lib/db/client";
import { authOptions } from "./auth-options";
import type { TCaller } from "./caller";

// The session only carries the user id; role and disabled flag are read fresh on every request,
// so a role change or a disabled account takes effect at once.
export const getSessionUser = cache(async (): Promise<TCaller | null> => userOfSession(await getServerSession(authOptions)));

// The same for a Pages Router API route (lib/api/pages-api-route.ts), which has no request scope
// for next-auth to read the cookie from.
export async function getPagesSessionUser(req: NextApiRequest, res: NextApiResponse): Promise<TCaller | null> {
  return userOfSession(await getServerSession(req, res, authOptions));
}

async function userOfSession(session: { user?: unknown } | null): Promise<TCaller | null> {
  const id = (session?.user as { id?: string } | undefined)?.id;
  return id ? loadActiveUser(id) : null;
}

export async function loadActiveUser(id: string): Promise<TCaller | null> {
  const { rows } = await getPool().query<{ id: string; email: string; name: string | null; role: TCaller["role"] }>(
    "SELECT id, email, name, role FROM users WHERE id = $1 AND NOT disabled",
    [id],
  );
  return rows[0] ? { ...rows[0], via: "session" } : null;
}
