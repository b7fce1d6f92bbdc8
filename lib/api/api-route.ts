import "server-only";
import { NextResponse } from "next/server";
import { ZodError, type ZodType } from "zod";
import { AppError } from "@/lib/errors/app-error";
import type { TCaller, TRole } from "@/lib/auth/caller";
import { requireApiCaller } from "./get-api-caller";
import { checkJsonHeaders, MAX_JSON_BYTES, parseJsonText } from "./json-body";

type TParams = Record<string, string>;
type TContext<P extends TParams> = { request: Request; caller: TCaller; params: P; url: URL };
type TPublicContext<P extends TParams> = { request: Request; caller: TCaller | null; params: P; url: URL };

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) return NextResponse.json(error.toJSON(), { status: error.status, headers: error.headers });
  if (error instanceof ZodError) {
    const details = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return NextResponse.json({ error: { code: "invalid_input", message: "Invalid input", details } }, { status: 400 });
  }
  if (isConnectionError(error)) {
    return NextResponse.json({ error: { code: "unavailable", message: "Database unavailable; retry shortly" } }, { status: 503, headers: { "Retry-After": "2" } });
  }
  console.error("[api] unexpected error:", error);
  return NextResponse.json({ error: { code: "internal", message: "Internal error" } }, { status: 500 });
}

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  const message = String((error as { message?: string } | null)?.message ?? "");
  // pg's "Client has encountered a connection error and is not queryable" is a pooled client whose
  // server went away (a Postgres restart): retryable like the rest
  return ["ECONNREFUSED", "ECONNRESET", "57P01", "57P02", "57P03", "08006", "08001", "08003"].includes(code ?? "") || /Connection terminated|connect ECONNREFUSED|not queryable|the database system is (starting up|shutting down)/.test(message);
}

export function toResponse(result: unknown, status = 200): Response {
  if (result instanceof Response) return result;
  if (result === undefined || result === null) return new Response(null, { status: 204 });
  return NextResponse.json(result, { status });
}

// Every /api route goes through here: one place for authentication, roles and error mapping.
export function apiRoute<P extends TParams = TParams>(
  opts: { roles?: readonly TRole[] },
  handler: (ctx: TContext<P>) => Promise<unknown>,
) {
  return async (request: Request, segment: { params: Promise<P> }): Promise<Response> => {
    try {
      const caller = await requireApiCaller(request, opts.roles);
      const params = (await segment?.params) ?? ({} as P);
      return toResponse(await handler({ request, caller, params, url: new URL(request.url) }));
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function publicApiRoute<P extends TParams = TParams>(handler: (ctx: TPublicContext<P>) => Promise<unknown>) {
  return async (request: Request, segment: { params: Promise<P> }): Promise<Response> => {
    try {
      const params = (await segment?.params) ?? ({} as P);
      return toResponse(await handler({ request, caller: null, params, url: new URL(request.url) }));
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export async function readJson<T>(request: Request, schema: ZodType<T>, maxBytes = MAX_JSON_BYTES): Promise<T> {
  checkJsonHeaders((name) => request.headers.get(name), maxBytes);
  return parseJsonText(await request.text(), schema, maxBytes);
}

export function readQuery<T>(url: URL, schema: ZodType<T>): T {
  return schema.parse(Object.fromEntries(url.searchParams.entries()));
}
