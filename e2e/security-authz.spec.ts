import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ACCOUNTS } from "./fixtures";
import { createCliToken, createCliUser, createSecurityProject, listAppFiles, revokeTokenInDatabase, signInApi, type TSecurityProject } from "./security-helpers";

// The authorization matrix over real HTTP: every /api route and every page, for every kind of
// caller. A route or page added without a row here fails the coverage tests at the bottom.
type TCaller = "anonymous" | "revoked" | "outsider" | "trainer" | "admin" | "member";
const CALLERS: TCaller[] = ["anonymous", "revoked", "outsider", "trainer", "admin", "member"];
type TCtx = { project: TSecurityProject; memberAssignment: string; skipAssignment: string };
type TApiRow = {
  route: string; // the app/api folder, [param] style
  method: "GET" | "POST" | "PUT";
  url: (c: TCtx) => string;
  body?: (c: TCtx) => { data?: unknown; ndjson?: string };
  expect: Record<TCaller, number | number[]>;
};

const ANY = (status: number | number[]) => ({ anonymous: status, revoked: status, outsider: status, trainer: status, admin: status, member: status });
const STAFF_ONLY = (ok: number | number[]) => ({ anonymous: 401, revoked: 401, outsider: 403, trainer: ok, admin: ok, member: 403 });
const MEMBERS = (ok: number | number[]) => ({ anonymous: 401, revoked: 401, outsider: 404, trainer: ok, admin: ok, member: ok });
const validJudgment = (extra: Record<string, unknown> = {}) => ({ data: { idempotencyKey: randomUUID(), preference: -2, aspects: { correctness: -2 }, ...extra } });
const P = (c: TCtx) => `/api/v1/projects/${c.project.id}`;

// prettier-ignore
const API: TApiRow[] = [
  { route: "/api/health", method: "GET", url: () => "/api/health", expect: ANY(200) },
  { route: "/api/auth/[...nextauth]", method: "GET", url: () => "/api/auth/providers", expect: ANY(200) },
  { route: "/api/v1/projects", method: "GET", url: () => "/api/v1/projects", expect: { ...MEMBERS(200), outsider: 200 } },
  { route: "/api/v1/projects", method: "POST", url: () => "/api/v1/projects", body: () => ({ data: {} }), expect: STAFF_ONLY(400) },
  { route: "/api/v1/projects/[id]", method: "GET", url: P, expect: MEMBERS(200) },
  { route: "/api/v1/projects/[id]/members", method: "POST", url: (c) => `${P(c)}/members`, body: () => ({ data: { email: "nobody@sec.invalid" } }), expect: STAFF_ONLY(404) },
  { route: "/api/v1/projects/[id]/items", method: "GET", url: (c) => `${P(c)}/items`, expect: STAFF_ONLY(200) },
  { route: "/api/v1/projects/[id]/items", method: "POST", url: (c) => `${P(c)}/items`, body: () => ({ ndjson: "{}\n" }), expect: STAFF_ONLY(400) },
  { route: "/api/v1/projects/[id]/scores", method: "POST", url: (c) => `${P(c)}/scores`, body: () => ({ ndjson: "{}\n" }), expect: STAFF_ONLY(400) },
  { route: "/api/v1/projects/[id]/rubric", method: "GET", url: (c) => `${P(c)}/rubric`, expect: STAFF_ONLY(200) },
  { route: "/api/v1/projects/[id]/rubric", method: "PUT", url: (c) => `${P(c)}/rubric`, body: () => ({ data: {} }), expect: STAFF_ONLY(400) },
  // trainers do not annotate; an admin may (and gets a lease of their own)
  { route: "/api/v1/projects/[id]/next", method: "GET", url: (c) => `${P(c)}/next`, expect: { anonymous: 401, revoked: 401, outsider: 404, trainer: 403, admin: [200, 204], member: 200 } },
  { route: "/api/v1/projects/[id]/my-judgments", method: "GET", url: (c) => `${P(c)}/my-judgments`, expect: MEMBERS(200) },
  // someone else's assignment: 404 (409 for a draft), never a write
  { route: "/api/v1/assignments/[id]/draft", method: "PUT", url: (c) => `/api/v1/assignments/${c.memberAssignment}/draft`, body: () => ({ data: { draft: { note: "x" } } }), expect: { anonymous: 401, revoked: 401, outsider: 409, trainer: 409, admin: 409, member: 200 } },
  { route: "/api/v1/assignments/[id]/skip", method: "POST", url: (c) => `/api/v1/assignments/${c.skipAssignment}/skip`, body: () => ({ data: {} }), expect: { anonymous: 401, revoked: 401, outsider: 404, trainer: 404, admin: 404, member: 200 } },
  { route: "/api/v1/assignments/[id]/judgment", method: "POST", url: (c) => `/api/v1/assignments/${c.memberAssignment}/judgment`, body: () => validJudgment(), expect: { anonymous: 401, revoked: 401, outsider: 404, trainer: 404, admin: 404, member: 201 } },
  { route: "/api/v1/projects/[id]/export", method: "GET", url: (c) => `${P(c)}/export?format=raw&file=jsonl`, expect: STAFF_ONLY(200) },
  { route: "/api/v1/projects/[id]/export/preview", method: "GET", url: (c) => `${P(c)}/export/preview?format=raw`, expect: STAFF_ONLY(200) },
  { route: "/api/v1/projects/[id]/exports", method: "GET", url: (c) => `${P(c)}/exports`, expect: STAFF_ONLY(200) },
  { route: "/api/v1/projects/[id]/exports/[exportId]", method: "GET", url: (c) => `${P(c)}/exports/${randomUUID()}`, expect: STAFF_ONLY(404) },
  // routes other engineers are adding; the coverage test below only asks for rows of files that exist
  { route: "/api/v1/projects/[id]/agreement", method: "GET", url: (c) => `${P(c)}/agreement`, expect: STAFF_ONLY(200) },
  { route: "/api/v1/projects/[id]/quality/models", method: "GET", url: (c) => `${P(c)}/quality/models`, expect: STAFF_ONLY(200) },
  { route: "/api/v1/projects/[id]/quality/csv", method: "GET", url: (c) => `${P(c)}/quality/csv?table=raters`, expect: STAFF_ONLY(200) },
  // pausing a rater is for admins alone; an empty body proves the admin got past the role check
  { route: "/api/v1/projects/[id]/quality/pause", method: "POST", url: (c) => `${P(c)}/quality/pause`, body: () => ({ data: {} }), expect: { ...STAFF_ONLY(400), trainer: 403 } },
  { route: "/api/v1/projects/[id]/rankings", method: "GET", url: (c) => `${P(c)}/rankings`, expect: STAFF_ONLY(200) },
  { route: "/api/v1/projects/[id]/rankings/refit", method: "POST", url: (c) => `${P(c)}/rankings/refit`, expect: STAFF_ONLY(200) },
  { route: "/api/v1/projects/[id]/queue", method: "GET", url: (c) => `${P(c)}/queue`, expect: STAFF_ONLY(200) },
];

type TPageRow = { page: string; url: (c: TCtx) => string; expect: Record<Exclude<TCaller, "revoked">, number> };
const SIGNIN = 307; // redirect to /signin?callbackUrl=…
// prettier-ignore
const PAGES: TPageRow[] = [
  { page: "/", url: () => "/", expect: { anonymous: 307, outsider: 307, trainer: 307, admin: 307, member: 307 } },
  // signed in already: /signin sends you home
  { page: "/signin", url: () => "/signin", expect: { anonymous: 200, outsider: 307, trainer: 307, admin: 307, member: 307 } },
  { page: "/settings/tokens", url: () => "/settings/tokens", expect: { anonymous: SIGNIN, outsider: 200, trainer: 200, admin: 200, member: 200 } },
  { page: "/annotate", url: () => "/annotate", expect: { anonymous: SIGNIN, outsider: 200, trainer: 403, admin: 200, member: 200 } },
  { page: "/annotate/[projectId]", url: (c) => `/annotate/${c.project.id}`, expect: { anonymous: SIGNIN, outsider: 404, trainer: 403, admin: 200, member: 200 } },
  { page: "/annotate/[projectId]/history", url: (c) => `/annotate/${c.project.id}/history`, expect: { anonymous: SIGNIN, outsider: 404, trainer: 403, admin: 200, member: 200 } },
  { page: "/train", url: () => "/train", expect: { anonymous: SIGNIN, outsider: 403, trainer: 200, admin: 200, member: 403 } },
  ...["", "/import", "/members", "/rubric", "/settings", "/agreement", "/rankings", "/export"].map((sub) => ({
    page: `/train/[projectId]${sub}`, url: (c: TCtx) => `/train/${c.project.id}${sub}`, expect: { anonymous: SIGNIN, outsider: 403, trainer: 200, admin: 200, member: 403 },
  })),
  { page: "/admin", url: () => "/admin", expect: { anonymous: SIGNIN, outsider: 403, trainer: 403, admin: 200, member: 403 } },
  { page: "/admin/audit", url: () => "/admin/audit", expect: { anonymous: SIGNIN, outsider: 403, trainer: 403, admin: 200, member: 403 } },
];

test.describe.configure({ mode: "serial" });

const api: Partial<Record<TCaller, APIRequestContext>> = {};
const browserSession: Partial<Record<Exclude<TCaller, "revoked">, APIRequestContext>> = {};
let ctx: TCtx;
let memberEmail = "";

test.beforeAll(async ({ playwright, baseURL }) => {
  test.setTimeout(120_000);
  const bearer = (token?: string) => playwright.request.newContext({ baseURL, extraHTTPHeaders: token ? { Authorization: `Bearer ${token}` } : {} });
  memberEmail = createCliUser("ANNOTATOR", "member");
  const outsiderEmail = createCliUser("ANNOTATOR", "outsider");
  const revokedEmail = createCliUser("ANNOTATOR", "revoked");
  const tokens = {
    member: createCliToken(memberEmail),
    outsider: createCliToken(outsiderEmail),
    trainer: createCliToken(ACCOUNTS.trainer),
    admin: createCliToken(ACCOUNTS.admin),
    revoked: createCliToken(revokedEmail),
  };
  for (const caller of CALLERS) api[caller] = await bearer(caller === "anonymous" ? undefined : tokens[caller]);
  const project = await createSecurityProject(api.trainer!, { items: 4, name: "authz" });
  for (const email of [memberEmail, revokedEmail]) expect((await api.trainer!.post(`/api/v1/projects/${project.id}/members`, { data: { email } })).status()).toBe(200);
  expect((await api.revoked!.get("/api/v1/projects")).status()).toBe(200);
  await revokeTokenInDatabase(tokens.revoked);

  const first = await api.member!.get(`/api/v1/projects/${project.id}/next`);
  expect(first.status()).toBe(200);
  const memberAssignment = ((await first.json()) as { assignment: { id: string } }).assignment.id;
  const second = await api.member!.get(`/api/v1/projects/${project.id}/next?exclude=${memberAssignment}`);
  expect(second.status()).toBe(200);
  const skipAssignment = ((await second.json()) as { assignment: { id: string } }).assignment.id;
  ctx = { project, memberAssignment, skipAssignment };

  const emails = { outsider: outsiderEmail, trainer: ACCOUNTS.trainer, admin: ACCOUNTS.admin, member: memberEmail };
  browserSession.anonymous = await playwright.request.newContext({ baseURL });
  for (const [caller, email] of Object.entries(emails)) {
    const session = await playwright.request.newContext({ baseURL });
    await signInApi(session, email);
    browserSession[caller as keyof typeof emails] = session;
  }
});

test.afterAll(async () => {
  for (const c of [...Object.values(api), ...Object.values(browserSession)]) await c?.dispose();
});

const routeExists = (route: string) => listAppFiles("route.ts").includes(route);

for (const row of API) {
  test(`API ${row.method} ${row.route}`, async () => {
    // a row for a route that no longer exists, or one missing from the running build (Next's HTML 404), is a failure, not a skip
    expect(routeExists(row.route), `${row.route} has a row in the matrix but no route.ts`).toBe(true);
    const probe = await api.admin!.get(row.url(ctx).split("?")[0], { maxRedirects: 0 });
    const isHtml404 = probe.status() === 404 && (probe.headers()["content-type"] ?? "").includes("text/html");
    expect(isHtml404, `${row.route} is not in the running build: rebuild (npm test builds first)`).toBe(false);
    for (const caller of CALLERS) {
      const body = row.body?.(ctx);
      const options = body?.ndjson !== undefined ? { data: body.ndjson, headers: { "content-type": "application/x-ndjson" } } : body ? { data: body.data } : {};
      const response = await api[caller]!.fetch(row.url(ctx), { method: row.method, maxRedirects: 0, ...options });
      const wanted = ([] as number[]).concat(row.expect[caller]);
      const text = await response.text();
      expect(wanted, `${caller} → ${row.method} ${row.route}: ${response.status()} ${text.slice(0, 200)}`).toContain(response.status());
      if (response.status() >= 400 && row.route.startsWith("/api/v1")) {
        const error = (JSON.parse(text) as { error: { code: string; message: string } }).error;
        expect(typeof error.code).toBe("string");
        expect(typeof error.message).toBe("string");
      }
    }
  });
}

for (const row of PAGES) {
  test(`page ${row.page}`, async () => {
    for (const caller of Object.keys(row.expect) as Array<keyof TPageRow["expect"]>) {
      const response = await browserSession[caller]!.get(row.url(ctx), { maxRedirects: 0 });
      expect(response.status(), `${caller} → ${row.page}`).toBe(row.expect[caller]);
      if (caller === "anonymous" && row.expect.anonymous === SIGNIN && row.page !== "/") expect(response.headers()["location"]).toContain("/signin");
    }
    // a token is for the API only: a page with a Bearer header (even a live one) is an anonymous visit
    const withToken = await api.admin!.get(row.url(ctx), { maxRedirects: 0 });
    expect(withToken.status(), `Bearer on page ${row.page}`).toBe(row.expect.anonymous);
  });
}

test("annotators never see model names, response ids or other people's judgments", async () => {
  const adminNext = await api.admin!.get(`/api/v1/projects/${ctx.project.id}/next`);
  if (adminNext.status() === 200) {
    const { assignment } = (await adminNext.json()) as { assignment: { id: string } };
    const submitted = await api.admin!.post(`/api/v1/assignments/${assignment.id}/judgment`, validJudgment({ rationale: "ADMIN-PRIVATE-RATIONALE", comments: [{ slot: "A", lineStart: 1, lineEnd: 1, text: "ADMIN-PRIVATE-COMMENT" }] }));
    expect(submitted.status()).toBe(201);
  }
  const bodies = [
    await (await api.member!.get(`/api/v1/projects/${ctx.project.id}/next`)).text(),
    await (await api.member!.get(`/api/v1/projects/${ctx.project.id}/my-judgments`)).text(),
    await (await api.member!.get(`/api/v1/projects/${ctx.project.id}`)).text(),
    await (await api.member!.get(`/api/v1/projects`)).text(),
    await (await browserSession.member!.get(`/annotate/${ctx.project.id}/history`)).text(),
  ];
  const mine = JSON.parse(bodies[1]) as { judgments: unknown[] };
  expect(mine.judgments.length).toBeGreaterThanOrEqual(1);
  for (const body of bodies) {
    for (const model of ctx.project.modelNames) expect(body).not.toContain(model);
    expect(body).not.toContain("ADMIN-PRIVATE");
    expect(body).not.toMatch(/"(responseId|response_id|model)"\s*:/);
  }
  const outsiderList = await (await api.outsider!.get("/api/v1/projects")).text();
  expect(outsiderList).not.toContain(ctx.project.id);
});

test("every /api route file has a row in the matrix", () => {
  const covered = new Set(API.map((r) => r.route));
  expect(listAppFiles("route.ts").filter((r) => !covered.has(r))).toEqual([]);
});

test("every page has a row in the matrix", () => {
  const covered = new Set(PAGES.map((r) => r.page));
  expect(listAppFiles("page.tsx").filter((p) => !covered.has(p))).toEqual([]);
});
