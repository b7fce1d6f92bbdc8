import "server-only";
import type { NextApiRequest, NextApiResponse } from "next";
import type { ZodType } from "zod";
import { AppError } from "@/lib/errors/app-error";
import type { TCaller, TRole } from "@/lib/auth/caller";
import { getPagesSessionUser } from "@/lib/auth/get-session-user";
import { errorResponse } from "./api-route";
import { requireApiCaller, type TRequestHead } from "./get-api-caller";
import { checkJsonHeaders, MAX_JSON_BYTES, parseJsonText, tooLarge } from "./json-body";

type TMethod = "GET" | "POST" | "PUT" | "DELETE";
type TParams = Record<string, string>;
export type TPagesContext<P extends TParams> = { req: NextApiRequest; caller: TCaller; params: P; url: URL };
/** What a handler answers: a JSON body with a status (200 by default), or null for 204. */
export type TPagesResult = { status?: number; body: unknown } | null;
type THandler<P extends TParams> = { roles?: readonly TRole[]; handle: (ctx: TPagesContext<P>) => Promise<TPagesResult> };

/**
 * The annotation loop's endpoints (next, judgment, skip, draft) are Pages Router API routes: on
 * Node's request and response they cost about half the CPU of an App Router handler, which wraps
 * both in web streams (bench/results/assignment-load.md). Same contract as lib/api/api-route.ts:
 * authentication, roles and API.md's error shape in one place; the handlers call the same lib
 * operations.
 */
export function pagesApiRoute<P extends TParams = TParams>(handlers: Partial<Record<TMethod, THandler<P>>>) {
  return async (req: NextApiRequest, res: NextApiResponse): Promise<void> => {
    try {
      const method = (req.method ?? "GET") as TMethod;
      const handler = handlers[method];
      if (!handler) {
        res.setHeader("Allow", Object.keys(handlers).join(", "));
        throw new AppError("method_not_allowed", `${method} is not supported here`);
      }
      const caller = await requireApiCaller(requestHead(req), handler.roles, () => getPagesSessionUser(req, res));
      const url = new URL(req.url ?? "/", "http://localhost");
      const params = Object.fromEntries(Object.entries(req.query).filter((e): e is [string, string] => typeof e[1] === "string")) as P;
      const result = await handler.handle({ req, caller, params, url });
      if (result === null) send(res, 204, null);
      else send(res, result.status ?? 200, JSON.stringify(result.body));
    } catch (error) {
      const response = errorResponse(error);
      for (const [name, value] of response.headers) if (name !== "content-length") res.setHeader(name, value);
      send(res, response.status, await response.text());
    }
  };
}

// Node's own response API only (not Next's res.json helpers), so tests can serve a handler from a
// plain http server (tests/helpers/pages-route.ts).
function send(res: NextApiResponse, status: number, json: string | null) {
  res.statusCode = status;
  if (json === null) return void res.end();
  res.setHeader("content-type", "application/json");
  res.end(json);
}

function requestHead(req: NextApiRequest): TRequestHead {
  return {
    method: req.method ?? "GET",
    headers: {
      get: (name) => {
        const value = req.headers[name.toLowerCase()];
        return Array.isArray(value) ? value.join(", ") : (value ?? null);
      },
    },
  };
}

export async function readPagesJson<T>(req: NextApiRequest, schema: ZodType<T>, maxBytes = MAX_JSON_BYTES): Promise<T> {
  const head = requestHead(req);
  checkJsonHeaders((name) => head.headers.get(name), maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk);
  }
  return parseJsonText(Buffer.concat(chunks).toString("utf8"), schema, maxBytes);
}
