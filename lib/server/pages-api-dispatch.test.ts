import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { buildDispatchTable, buildQuery, createPagesApiDispatcher, gzipOnEnd, headersFor, matchPagesApiRoute, parseCookies, type TRoutesManifest } from "./pages-api-dispatch.mjs";

// Shaped like the routes-manifest.json and pages-manifest.json that `next build` writes.
const SECURITY = [{ key: "X-Frame-Options", value: "DENY" }, { key: "X-Content-Type-Options", value: "nosniff" }];
const manifest: TRoutesManifest = {
  basePath: "",
  redirects: [{ internal: true }],
  rewrites: { beforeFiles: [], afterFiles: [], fallback: [] },
  headers: [{ regex: "^(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?(?:/)?$", headers: SECURITY }],
  staticRoutes: [{ page: "/api/health", regex: "^/api/health(?:/)?$", namedRegex: "^/api/health(?:/)?$", routeKeys: {} }],
  dynamicRoutes: [
    { page: "/api/v1/projects/[id]/agreement", regex: "^/api/v1/projects/([^/]+?)/agreement(?:/)?$", routeKeys: { nxtPid: "nxtPid" }, namedRegex: "^/api/v1/projects/(?<nxtPid>[^/]+?)/agreement(?:/)?$" },
    { page: "/api/v1/projects/[id]/next", regex: "^/api/v1/projects/([^/]+?)/next(?:/)?$", routeKeys: { nxtPid: "nxtPid" }, namedRegex: "^/api/v1/projects/(?<nxtPid>[^/]+?)/next(?:/)?$" },
    { page: "/api/v1/projects/[id]/[part]", regex: "^/api/v1/projects/([^/]+?)/([^/]+?)(?:/)?$", routeKeys: { nxtPid: "nxtPid", nxtPpart: "nxtPpart" }, namedRegex: "^/api/v1/projects/(?<nxtPid>[^/]+?)/(?<nxtPpart>[^/]+?)(?:/)?$" },
  ],
};
const pages = {
  "/_app": "pages/_app.js",
  "/api/v1/projects/[id]/next": "pages/api/v1/projects/[id]/next.js",
  "/api/v1/projects/[id]/[part]": "pages/api/v1/projects/[id]/[part].js",
};

describe("matchPagesApiRoute", () => {
  const table = buildDispatchTable(manifest, pages);

  it("serves a Pages API route with its decoded params", () => {
    const found = matchPagesApiRoute(table, "/api/v1/projects/p%201/next");
    expect(found?.route.page).toBe("/api/v1/projects/[id]/next");
    expect(found?.route.file).toBe("pages/api/v1/projects/[id]/next.js");
    expect(found?.params).toEqual({ id: "p 1" });
  });

  it("leaves App Router routes, static routes and pages to Next, in Next's order", () => {
    expect(matchPagesApiRoute(table, "/api/health")).toBeNull();
    // the App Router's agreement route comes before the catch-all Pages route in the manifest's order
    expect(matchPagesApiRoute(table, "/api/v1/projects/p1/agreement")).toBeNull();
    expect(matchPagesApiRoute(table, "/api/v1/projects/p1/queue")?.params).toEqual({ id: "p1", part: "queue" });
    expect(matchPagesApiRoute(table, "/annotate/p1")).toBeNull();
  });

  it("leaves what Next would redirect, normalise or refuse to Next", () => {
    expect(matchPagesApiRoute(table, "/api/v1/projects/p1/next/")).toBeNull();
    expect(matchPagesApiRoute(table, "/api/v1/projects//next")).toBeNull();
    expect(matchPagesApiRoute(table, "/api/v1/projects/%E0%A4%A/next")).toBeNull();
  });

  it("refuses the shortcut for build features it does not replicate", () => {
    expect(buildDispatchTable({ ...manifest, basePath: "/app" }, pages).reason).toMatch(/basePath/);
    expect(buildDispatchTable({ ...manifest, rewrites: { beforeFiles: [{}], afterFiles: [], fallback: [] } }, pages).reason).toMatch(/rewrites/);
    expect(buildDispatchTable({ ...manifest, redirects: [{ internal: true }, {}] }, pages).reason).toMatch(/redirects/);
    expect(buildDispatchTable({ ...manifest, headers: [{ regex: ".*", headers: SECURITY, has: [{ type: "host" }] }] }, pages).reason).toMatch(/conditional/);
    expect(buildDispatchTable(manifest, pages, true).reason).toMatch(/public\/api/);
    const refused = buildDispatchTable({ ...manifest, i18n: { locales: ["en"] } }, pages);
    expect(matchPagesApiRoute(refused, "/api/v1/projects/p1/next")).toBeNull();
  });

  it("gives the path the headers next.config's headers() gives it", () => {
    expect(headersFor(table, "/api/v1/projects/p1/next")).toEqual([["X-Frame-Options", "DENY"], ["X-Content-Type-Options", "nosniff"]]);
  });
});

describe("request parsing as Next does it", () => {
  it("builds req.query: repeated keys become arrays, route params win", () => {
    expect(buildQuery(new URLSearchParams("exclude=a&exclude=b&id=nope&x=1"), { id: "p1" })).toEqual({ exclude: ["a", "b"], id: "p1", x: "1" });
  });
  it("parses cookies: first value wins, quoted and percent-encoded values are decoded", () => {
    expect(parseCookies('a=1; b="two"; c=%7Cx; a=3; bad; d=%E0%A4%A')).toEqual({ a: "1", b: "two", c: "|x", d: "%E0%A4%A" });
    expect(parseCookies(undefined)).toEqual({});
  });
});

// A throwaway server with the dispatcher in front, over real HTTP.
async function serve(handler: http.RequestListener) {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe("gzipOnEnd", () => {
  it("gzips a JSON body of 1 KB or more when the client accepts gzip, and only then", async () => {
    const big = JSON.stringify({ code: "x".repeat(5000) });
    const { base, close } = await serve((req, res) => {
      gzipOnEnd(req, res);
      res.setHeader("content-type", "application/json");
      res.end(req.url === "/big" ? big : "{}");
    });
    try {
      const raw = (pathname: string, acceptEncoding: string) =>
        new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
          http.get(`${base}${pathname}`, { headers: { "accept-encoding": acceptEncoding } }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          }).on("error", reject);
        });
      const zipped = await raw("/big", "gzip, deflate");
      expect(zipped.headers["content-encoding"]).toBe("gzip");
      expect(zipped.headers.vary).toBe("Accept-Encoding");
      expect(Number(zipped.headers["content-length"])).toBe(zipped.body.length);
      expect(zlib.gunzipSync(zipped.body).toString()).toBe(big);
      const plain = await raw("/big", "identity");
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(plain.body.toString()).toBe(big);
      const small = await raw("/small", "gzip");
      expect(small.headers["content-encoding"]).toBeUndefined();
      expect(small.body.toString()).toBe("{}");
    } finally {
      await close();
    }
  });
});

describe("createPagesApiDispatcher", () => {
  // a build folder with two compiled routes, written like Turbopack's async server entries
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), "dispatch-"));
  afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));
  const write = (file: string, body: string) => {
    fs.mkdirSync(path.dirname(path.join(dist, "server", file)), { recursive: true });
    fs.writeFileSync(path.join(dist, "server", file), body);
  };
  write(
    "pages/api/v1/projects/[id]/next.js",
    `module.exports = Promise.resolve({ default: (req, res) => { res.setHeader("content-type", "application/json"); res.end(JSON.stringify({ query: req.query, cookies: req.cookies })); } });`,
  );
  write("pages/api/v1/projects/[id]/[part].js", `module.exports = Promise.resolve({ default: async () => { throw new Error("boom"); } });`);

  it("serves a route's compiled handler with query, cookies and headers; hands everything else to Next", async () => {
    const dispatch = createPagesApiDispatcher(buildDispatchTable(manifest, pages), dist);
    const { base, close } = await serve((req, res) => {
      if (!dispatch(req, res)) res.end("next");
    });
    try {
      const answer = await fetch(`${base}/api/v1/projects/p1/next?exclude=a`, { headers: { cookie: "session=abc%21" } });
      expect(answer.status).toBe(200);
      expect(answer.headers.get("x-frame-options")).toBe("DENY");
      expect(await answer.json()).toEqual({ query: { exclude: "a", id: "p1" }, cookies: { session: "abc!" } });
      expect(await (await fetch(`${base}/api/health`)).text()).toBe("next");
      expect(await (await fetch(`${base}/api/v1/projects/p1/agreement`)).text()).toBe("next");
      const failed = await fetch(`${base}/api/v1/projects/p1/queue`);
      expect(failed.status).toBe(500);
      expect(await failed.json()).toEqual({ error: { code: "internal", message: "Internal error" } });
    } finally {
      await close();
    }
  });
});
