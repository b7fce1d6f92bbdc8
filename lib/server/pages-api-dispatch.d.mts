// Types for pages-api-dispatch.mjs (plain JavaScript so the production server runs it with node).
import type { IncomingMessage, ServerResponse } from "node:http";

type TRouteEntry = { page: string; regex: string; namedRegex?: string; routeKeys?: Record<string, string> };
export type TRoutesManifest = {
  basePath?: string;
  i18n?: unknown;
  redirects?: Array<{ internal?: boolean }>;
  rewrites?: unknown[] | { beforeFiles?: unknown[]; afterFiles?: unknown[]; fallback?: unknown[] };
  headers?: Array<{ regex: string; headers: Array<{ key: string; value: string }>; has?: unknown; missing?: unknown }>;
  staticRoutes?: TRouteEntry[];
  dynamicRoutes?: TRouteEntry[];
};
export type TDispatchRoute = { page: string; regex: RegExp; keys: Array<[string, string]>; file: string | null };
export type TDispatchTable =
  | { reason: string; routes?: undefined; headers?: undefined }
  | { reason?: undefined; routes: TDispatchRoute[]; headers: Array<{ regex: RegExp; headers: Array<{ key: string; value: string }> }> };

export function readDispatchTable(distDir: string, publicDir?: string): TDispatchTable;
export function buildDispatchTable(routes: TRoutesManifest, pages: Record<string, string>, hasPublicApiFolder?: boolean): TDispatchTable;
export function matchPagesApiRoute(table: TDispatchTable, pathname: string): { route: TDispatchRoute; params: Record<string, string> } | null;
export function headersFor(table: TDispatchTable, pathname: string): Array<[string, string]>;
export function buildQuery(searchParams: URLSearchParams, params: Record<string, string>): Record<string, string | string[]>;
export function parseCookies(header: string | undefined): Record<string, string>;
export function gzipOnEnd(req: IncomingMessage, res: ServerResponse): void;
export function createPagesApiDispatcher(table: TDispatchTable, distDir: string): (req: IncomingMessage, res: ServerResponse) => boolean;
