import { describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { getPool } from "@/lib/db/client";
import postDraft from "@/pages/api/v1/assignments/[id]/draft";
import postJudgment from "@/pages/api/v1/assignments/[id]/judgment";
import getNext from "@/pages/api/v1/projects/[id]/next";
import { createTestProject } from "./helpers/create-test-project";
import { createTestItems, buildItems } from "./helpers/create-test-items";
import { createTestUser } from "./helpers/create-test-user";
import { pairwiseJudgment } from "./helpers/judgment-input";
import { callPagesRoute } from "./helpers/pages-route";

// The annotation loop's Pages Router routes keep API.md's contract: authentication, methods, body
// limits and the one error shape, over real HTTP on a real Postgres.
async function setup() {
  const annotator = await createTestUser({ role: "ANNOTATOR" });
  const project = await createTestProject({ members: [annotator] });
  await createTestItems(project, buildItems({ count: 2 }));
  const { secret } = await createApiToken({ userId: annotator.id, label: "pages" });
  return { project, secret, annotator };
}

async function errorOf(response: Response) {
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(typeof body.error.message).toBe("string");
  return body.error.code;
}

describe("annotation loop routes (Pages Router)", () => {
  it("refuse a missing or revoked token with 401, an unsupported method with 405 and Allow", async () => {
    const { project, secret, annotator } = await setup();
    const url = `http://localhost/api/v1/projects/${project.id}/next`;
    const anonymous = await callPagesRoute(getNext, new Request(url), { id: project.id });
    expect(anonymous.status).toBe(401);
    expect(await errorOf(anonymous)).toBe("unauthorized");

    const wrongMethod = await callPagesRoute(getNext, new Request(url, { method: "POST", headers: { authorization: `Bearer ${secret}` } }), { id: project.id });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET");
    expect(await errorOf(wrongMethod)).toBe("method_not_allowed");

    await getPool().query("UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1", [annotator.id]);
    const revoked = await callPagesRoute(getNext, new Request(url, { headers: { authorization: `Bearer ${secret}` } }), { id: project.id });
    expect(revoked.status).toBe(401);
  });

  it("serve next, store a judgment once (201, then 200 on retry), and refuse bodies that are not JSON or too large", async () => {
    const { project, secret } = await setup();
    const auth = { authorization: `Bearer ${secret}` };
    const next = await callPagesRoute(getNext, new Request(`http://localhost/api/v1/projects/${project.id}/next`, { headers: auth }), { id: project.id });
    expect(next.status).toBe(200);
    const { assignment } = (await next.json()) as { assignment: { id: string; responses: unknown[] } };
    expect(assignment.responses).toHaveLength(2);

    const url = `http://localhost/api/v1/assignments/${assignment.id}/judgment`;
    const judge = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
      callPagesRoute(postJudgment, new Request(url, { method: "POST", body, headers: { ...auth, ...headers } }), { id: assignment.id });
    const asText = await judge("{}", { "content-type": "text/plain" });
    expect(asText.status).toBe(415);
    expect(await errorOf(asText)).toBe("unsupported_media_type");
    const notJson = await judge("{not json");
    expect(notJson.status).toBe(400);
    expect(await errorOf(notJson)).toBe("invalid_input");

    const input = JSON.stringify(pairwiseJudgment(-2));
    const first = await judge(input);
    expect(first.status).toBe(201);
    const retry = await judge(input);
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as { judgmentId: string }).judgmentId).toBe(((await first.json()) as { judgmentId: string }).judgmentId);
    expect((await getPool().query("SELECT 1 FROM judgments WHERE assignment_id = $1", [assignment.id])).rowCount).toBe(1);

    // a draft over its 250 kB limit
    const second = await callPagesRoute(getNext, new Request(`http://localhost/api/v1/projects/${project.id}/next`, { headers: auth }), { id: project.id });
    const { assignment: other } = (await second.json()) as { assignment: { id: string } };
    const big = JSON.stringify({ draft: { note: "x".repeat(300_000) } });
    const draft = await callPagesRoute(postDraft, new Request(`http://localhost/api/v1/assignments/${other.id}/draft`, { method: "PUT", body: big, headers: { ...auth, "content-type": "application/json" } }), { id: other.id });
    expect(draft.status).toBe(413);
    expect(await errorOf(draft)).toBe("payload_too_large");
  });
});
