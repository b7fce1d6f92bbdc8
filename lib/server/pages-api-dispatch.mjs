// Serves a built app's Pages Router API routes (the annotation loop: next, judgment, skip, draft)
// straight from Node's request, without Next's router in between. Next's router costs about
// 1.5 ms of CPU per request on top of the handler (bench/results/assignment-load.md), which is a
// third of the loop's server CPU. Everything else still goes to Next's own request handler.
//
// It reads only what Next itself wrote at build time (routes-manifest.json, pages-manifest.json),
// and it matches a path exactly as Next's router would, in Next's order: a static route, then the
// dynamic routes by their build-time priority. It serves a path only when Next would hand it to a
// Pages API route. It refuses the whole shortcut (returns a reason) when the build uses a feature
// it does not replicate: a base path, i18n, rewrites, redirects of its own or conditional headers.
// Plain JavaScript: scripts/server.mjs loads it with node, no TypeScript step in production.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const ROUTE_KEY_PREFIX = "nxtP";

/**
 * The dispatch table of a build: which pages are Pages API routes, their matchers, and the
 * headers next.config's headers() adds. `{ reason }` when the shortcut cannot be taken safely.
 */
export function readDispatchTable(distDir, publicDir) {
  const routes = JSON.parse(fs.readFileSync(path.join(distDir, "routes-manifest.json"), "utf8"));
  const pagesPath = path.join(distDir, "server", "pages-manifest.json");
  const pages = fs.existsSync(pagesPath) ? JSON.parse(fs.readFileSync(pagesPath, "utf8")) : {};
  return buildDispatchTable(routes, pages, publicDir && fs.existsSync(path.join(publicDir, "api")));
}

export function buildDispatchTable(routes, pages, hasPublicApiFolder = false) {
  const rewrites = routes.rewrites ?? [];
  const rewriteCount = Array.isArray(rewrites) ? rewrites.length : (rewrites.beforeFiles?.length ?? 0) + (rewrites.afterFiles?.length ?? 0) + (rewrites.fallback?.length ?? 0);
  if (routes.basePath) return { reason: "basePath is set" };
  if (routes.i18n) return { reason: "i18n is configured" };
  if (rewriteCount > 0) return { reason: "the build has rewrites" };
  if ((routes.redirects ?? []).some((r) => !r.internal)) return { reason: "the build has redirects" };
  if ((routes.headers ?? []).some((h) => h.has || h.missing)) return { reason: "headers() has conditional entries" };
  if (hasPublicApiFolder) return { reason: "public/api exists and would shadow routes" };
  const toRoute = (r) => ({
    page: r.page,
    regex: new RegExp(r.namedRegex ?? r.regex),
    keys: Object.keys(r.routeKeys ?? {}).map((group) => [group, group.startsWith(ROUTE_KEY_PREFIX) ? group.slice(ROUTE_KEY_PREFIX.length) : group]),
    file: isPagesApi(pages, r.page) ? pages[r.page] : null,
  });
  return {
    routes: [...(routes.staticRoutes ?? []), ...(routes.dynamicRoutes ?? [])].map(toRoute),
    headers: (routes.headers ?? []).map((h) => ({ regex: new RegExp(h.regex), headers: h.headers })),
  };
}

function isPagesApi(pages, page) {
  const file = pages[page];
  return typeof file === "string" && (page === "/api" || page.startsWith("/api/")) && file.startsWith("pages/api") && file.endsWith(".js");
}

/**
 * The Pages API route Next would serve `pathname` with, and its decoded dynamic params; null when
 * Next would do something else with it (a page, an App Router route, a redirect, an error).
 */
export function matchPagesApiRoute(table, pathname) {
  if (!table.routes || !pathname.startsWith("/api/")) return null;
  // a trailing slash is redirected by Next; anything but a plain path is Next's to normalise
  if (pathname.endsWith("/") || pathname.includes("//") || pathname.includes("\\")) return null;
  for (const route of table.routes) {
    const match = route.regex.exec(pathname);
    if (!match) continue;
    if (!route.file) return null;
    const params = {};
    for (const [group, name] of route.keys) {
      const raw = match.groups?.[group];
      if (raw === undefined) return null;
      try {
        params[name] = decodeURIComponent(raw);
      } catch {
        return null; // Next answers a malformed escape itself
      }
    }
    return { route, params };
  }
  return null;
}

/** The headers next.config's headers() gives this path, in Next's order (a later entry wins). */
export function headersFor(table, pathname) {
  const out = [];
  for (const entry of table.headers ?? []) if (entry.regex.test(pathname)) for (const h of entry.headers) out.push([h.key, h.value]);
  return out;
}

/** req.query as Next builds it: the search params (a repeated key becomes an array), then the route's params. */
export function buildQuery(searchParams, params) {
  const query = {};
  for (const [key, value] of searchParams) {
    const seen = query[key];
    query[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return Object.assign(query, params);
}

/** req.cookies as Next builds it: the first value of each name, percent-decoded when valid. */
export function parseCookies(header) {
  const cookies = {};
  if (!header) return cookies;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || name in cookies) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      cookies[name] = decodeURIComponent(value);
    } catch {
      cookies[name] = value;
    }
  }
  return cookies;
}

const COMPRESS_FROM_BYTES = 1024; // what Next's compression middleware uses
const COMPRESSIBLE = /json|text|javascript/;

/**
 * Gzips a response sent in one `res.end(body)` call, as Next's `compress` option does for its own
 * answers: when the client accepts gzip and the body is at least 1 KB of text or JSON. A response
 * that streams (writes before end) or is already encoded is left alone.
 */
export function gzipOnEnd(req, res) {
  res.setHeader("Vary", "Accept-Encoding");
  if (req.method === "HEAD" || !/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) return;
  const end = res.end;
  res.end = function gzipEnd(chunk, encoding, callback) {
    res.end = end;
    if (chunk && typeof chunk !== "function" && !res.headersSent && !res.getHeader("content-encoding") && COMPRESSIBLE.test(String(res.getHeader("content-type") ?? ""))) {
      const body = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8");
      if (body.length >= COMPRESS_FROM_BYTES) {
        const gz = zlib.gzipSync(body);
        res.setHeader("Content-Encoding", "gzip");
        res.setHeader("Content-Length", gz.length);
        return end.call(res, gz, typeof encoding === "function" ? encoding : callback);
      }
    }
    return end.apply(res, arguments);
  };
}

const INTERNAL_ERROR = JSON.stringify({ error: { code: "internal", message: "Internal error" } });

/**
 * A request handler for the table's Pages API routes: returns false when the request is not one
 * of them (the caller hands it to Next), else serves it and returns true. Each route's compiled
 * module is loaded once, on its first request, from the same file Next would load.
 */
export function createPagesApiDispatcher(table, distDir) {
  const handlers = new Map();
  const load = (file) => {
    let handler = handlers.get(file);
    if (!handler) {
      // Turbopack's server entries are async modules: the export is a promise of the namespace
      handler = Promise.resolve(require(path.join(distDir, "server", file))).then((mod) => {
        const fn = mod.default ?? mod;
        if (typeof fn !== "function") throw new Error(`${file} has no default export`);
        return fn;
      });
      handlers.set(file, handler);
    }
    return handler;
  };
  return function dispatch(req, res) {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const pathname = q < 0 ? url : url.slice(0, q);
    const found = matchPagesApiRoute(table, pathname);
    if (!found) return false;
    for (const [name, value] of headersFor(table, pathname)) res.setHeader(name, value);
    gzipOnEnd(req, res);
    let cookies;
    Object.defineProperty(req, "cookies", { configurable: true, enumerable: true, get: () => (cookies ??= parseCookies(req.headers.cookie)) });
    req.query = buildQuery(new URLSearchParams(q < 0 ? "" : url.slice(q + 1)), found.params);
    load(found.route.file)
      .then((handler) => handler(req, res))
      .catch((error) => {
        console.error(`[server] ${found.route.page} failed:`, error);
        if (res.headersSent) return void res.destroy();
        res.statusCode = 500;
        res.setHeader("content-type", "application/json");
        res.end(INTERNAL_ERROR);
      });
    return true;
  };
}
