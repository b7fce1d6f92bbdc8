import "server-only";
import { verifyApiToken } from "@/lib/tokens/verify-api-token";
import { getSessionUser } from "@/lib/auth/get-session-user";
import { AppError } from "@/lib/errors/app-error";
import { assertWithinRateLimit } from "@/lib/security/rate-limit";
import { countCall } from "@/lib/security/shared-rate-counter";
import { hasRole, type TCaller, type TRole } from "@/lib/auth/caller";

export const TOKEN_LIMIT_PER_MINUTE = Number(process.env.TOKEN_RATE_LIMIT_PER_MIN ?? 1200);

// The parts of a request authentication reads: a web Request has them, and so does the adapter
// lib/api/pages-api-route.ts builds around a Node request.
export type TRequestHead = { method: string; headers: { get(name: string): string | null } };

// Bearer token first (scripts, LLM judges), then the browser session cookie (read by
// `loadSession`: the App Router and the Pages Router reach next-auth's session differently).
export async function getApiCaller(request: TRequestHead, loadSession: () => Promise<TCaller | null> = getSessionUser): Promise<TCaller | null> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError("unauthorized", "Authorization header must be `Bearer <token>`");
    const caller = await verifyApiToken(match[1]);
    if (!caller) throw new AppError("unauthorized", "Invalid, expired or revoked token");
    if (TOKEN_LIMIT_PER_MINUTE > 0) assertWithinRateLimit(countCall({ key: `token:${caller.tokenId}`, limit: TOKEN_LIMIT_PER_MINUTE, windowSeconds: 60 }));
    return caller;
  }
  const user = await loadSession();
  if (user) assertSameOrigin(request);
  return user;
}

// CSRF: a cookie-authenticated mutation must come from our own origin. Tokens are exempt,
// since a browser never attaches them on its own.
function assertSameOrigin(request: TRequestHead) {
  if (["GET", "HEAD", "OPTIONS"].includes(request.method)) return;
  const origin = request.headers.get("origin") ?? request.headers.get("referer");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) throw new AppError("forbidden", "Cross-site request refused (missing Origin)");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError("forbidden", "Cross-site request refused (bad Origin)");
  }
  if (originHost !== host) throw new AppError("forbidden", "Cross-site request refused");
}

// Both routers' entry points (lib/api/api-route.ts, lib/api/pages-api-route.ts): a caller, or
// 401; a caller whose role the route does not take, 403.
export async function requireApiCaller(request: TRequestHead, roles: readonly TRole[] | undefined, loadSession?: () => Promise<TCaller | null>): Promise<TCaller> {
  const caller = await getApiCaller(request, loadSession);
  if (!caller) throw new AppError("unauthorized", "Sign in or send `Authorization: Bearer <token>`");
  if (roles && !hasRole(caller, roles)) throw new AppError("forbidden", "Your role may not do this");
  return caller;
}
