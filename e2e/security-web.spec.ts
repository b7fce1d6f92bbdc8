import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn } from "./fixtures";
import { waitForAssignment } from "./annotate-helpers";
import { createCliToken, createCliUser, createSecurityProject, queryDatabase, signInApi } from "./security-helpers";

test("a cookie-authenticated mutation needs a same-origin Origin (CSRF); tokens and reads do not", async ({ playwright, baseURL }) => {
  const session = await playwright.request.newContext({ baseURL });
  await signInApi(session, ACCOUNTS.trainer);
  const body = () => ({ name: `csrf ${randomUUID().slice(0, 6)}`, mode: "pairwise" });
  const before = (await queryDatabase<{ n: number }>("SELECT count(*)::int AS n FROM projects"))[0].n;
  const crossSite: Array<Record<string, string>> = [{}, { origin: "https://evil.example" }, { origin: "null" }, { referer: "https://evil.example/page" }, { origin: `${baseURL}.evil.example` }];
  for (const headers of crossSite) {
    const refused = await session.post("/api/v1/projects", { data: body(), headers });
    expect(refused.status(), JSON.stringify(headers)).toBe(403);
    expect((await refused.json()).error.code).toBe("forbidden");
  }
  const put = await session.put(`/api/v1/assignments/${randomUUID()}/draft`, { data: { draft: {} }, headers: { origin: "https://evil.example" } });
  expect(put.status()).toBe(403);
  expect((await queryDatabase<{ n: number }>("SELECT count(*)::int AS n FROM projects"))[0].n).toBe(before);

  expect((await session.post("/api/v1/projects", { data: body(), headers: { origin: baseURL! } })).status()).toBe(201);
  expect((await session.get("/api/v1/projects")).status()).toBe(200);
  const token = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${createCliToken(ACCOUNTS.trainer)}` } });
  expect((await token.post("/api/v1/projects", { data: body(), headers: { origin: "https://evil.example" } })).status()).toBe(201);
  await Promise.all([session.dispose(), token.dispose()]);
});

test("security headers are on pages, API answers and error pages", async ({ request }) => {
  // /api/v1/projects/x/next is a Pages API route the production server dispatches itself (scripts/server.mjs)
  for (const path of ["/signin", "/annotate", "/api/health", "/api/v1/projects", "/api/v1/projects/x/next", "/no-such-page"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["content-security-policy"], path).toContain("default-src 'self'");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], path).toContain("object-src 'none'");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("same-origin");
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
});

test("the comparison screen runs Monaco under the CSP without a single violation", async ({ page, playwright, baseURL }) => {
  const violations: string[] = [];
  page.on("console", (m) => /Content Security Policy|Refused to (load|execute|create|connect)/i.test(m.text()) && violations.push(m.text()));
  await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => ((window as unknown as { __csp: string[] }).__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`)));
  const trainer = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${createCliToken(ACCOUNTS.trainer)}` } });
  const project = await createSecurityProject(trainer, { items: 2, name: "csp" });
  const email = createCliUser("ANNOTATOR", "csp");
  expect((await trainer.post(`/api/v1/projects/${project.id}/members`, { data: { email } })).status()).toBe(200);
  await signIn(page, email);
  await page.goto(`/annotate/${project.id}`);
  await waitForAssignment(page);
  // Monaco's language worker and its diff computation have started
  await expect(page.locator(".monaco-editor .view-lines").first()).toContainText("def f");
  await page.waitForTimeout(1000);
  expect(violations).toEqual([]);
  // zod 4 probes once whether eval is allowed (`try { Function("") }`) and falls back to plain
  // parsing when the CSP says no: that probe is the only violation tolerated
  const events = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  expect(events.filter((e) => !/^script-src eval /.test(e))).toEqual([]);
  expect(events.length).toBeLessThanOrEqual(1);
  await trainer.dispose();
});

test("admin actions are in the audit log, which only admins can read", async ({ page, playwright, baseURL }) => {
  test.slow();
  const adminToken = createCliToken(ACCOUNTS.admin); // token.create
  const admin = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${adminToken}` } });
  const project = await createSecurityProject(admin, { items: 2, name: "audit" });
  const rubric = { aspects: [{ key: "correctness", label: "Correctness", description: "works", scale: "pairwise7", required: true }], rationale: "optional" };
  expect((await admin.put(`/api/v1/projects/${project.id}/rubric`, { data: rubric })).status()).toBe(200); // rubric.update
  const exported = await admin.get(`/api/v1/projects/${project.id}/export?format=raw&file=jsonl`); // export.create
  expect(exported.status()).toBe(200);
  const email = createCliUser("ANNOTATOR", "promoted");

  await signIn(page, ACCOUNTS.admin);
  await page.goto("/admin");
  await page.getByTestId(`user-row-${email}`).getByLabel("role").selectOption("TRAINER"); // user.role.set
  await expect(page.getByTestId(`user-row-${email}`)).toContainText("is now TRAINER");

  await page.goto("/admin/audit");
  const log = page.getByTestId("audit-log");
  const userId = (await queryDatabase<{ id: string }>("SELECT id FROM users WHERE email = $1", [email]))[0].id;
  await expect(log.getByRole("row").filter({ hasText: "user.role.set" }).filter({ hasText: userId })).toContainText('"to":"TRAINER"');
  await expect(log.getByRole("row").filter({ hasText: /rubric\.(update|version\.create)/ }).filter({ hasText: project.id }).first()).toBeVisible();
  await expect(log.getByRole("row").filter({ hasText: "export.create" }).filter({ hasText: project.id }).first()).toBeVisible();
  await expect(log.getByRole("row").filter({ hasText: "token.create" }).filter({ hasText: ACCOUNTS.admin }).first()).toBeVisible();

  for (const who of [ACCOUNTS.trainer, ACCOUNTS.ann1]) {
    const other = await playwright.request.newContext({ baseURL });
    await signInApi(other, who);
    const response = await other.get("/admin/audit", { maxRedirects: 0 });
    expect(response.status(), who).toBe(403);
    expect(await response.text()).not.toContain("user.role.set");
    await other.dispose();
  }
  await admin.dispose();
});

test("a session cookie past its maxAge is refused; the same cookie still in date is accepted", async ({ playwright, baseURL }) => {
  const { encode } = await import("next-auth/jwt");
  const secret = process.env.NEXTAUTH_SECRET ?? "";
  expect(secret, "needs the server's NEXTAUTH_SECRET in the test process (npm test sets it)").toBeTruthy();
  const [user] = await queryDatabase<{ id: string }>("SELECT id FROM users WHERE email = $1", [ACCOUNTS.ann1]);
  const host = new URL(baseURL!).hostname;
  const withCookie = async (maxAge: number) => {
    // a session cookie as next-auth itself would write it, signed with the server's secret
    const value = await encode({ token: { sub: user.id, email: ACCOUNTS.ann1 }, secret: secret!, maxAge });
    const state = { cookies: [{ name: "next-auth.session-token", value, domain: host, path: "/", expires: -1, httpOnly: true, secure: false, sameSite: "Lax" as const }], origins: [] };
    return playwright.request.newContext({ baseURL, storageState: state });
  };
  const live = await withCookie(600);
  expect((await live.get("/api/v1/projects")).status()).toBe(200);
  expect((await live.get("/annotate", { maxRedirects: 0 })).status()).toBe(200);
  const expired = await withCookie(-60);
  expect((await expired.get("/api/v1/projects")).status()).toBe(401);
  expect((await expired.get("/annotate", { maxRedirects: 0 })).status()).toBe(307);
  await Promise.all([live.dispose(), expired.dispose()]);
});
