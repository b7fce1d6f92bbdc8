import { z } from "zod";

export const MAX_IMPORT_BYTES = Number(process.env.MAX_IMPORT_BYTES ?? 50 * 1024 * 1024);
export const MAX_LINE_BYTES = 4 * 1024 * 1024;

const ZExternalId = z.string().min(1).max(200).regex(/^[^\s\u0000-\u001f]+$/, "ids have no spaces or control characters");

export const ZTests = z.object({ passed: z.number().int().min(0), total: z.number().int().min(0) }).refine((t) => t.passed <= t.total, "tests.passed exceeds tests.total");
export const ZScores = z.record(z.string().min(1).max(100), z.number().finite());

export const ZResponseInput = z.object({
  id: ZExternalId,
  model: z.string().min(1).max(200),
  content: z.string().max(1_000_000),
  scores: ZScores.optional(),
  tests: ZTests.optional(),
});

export const ZGold = z.object({
  preference: z.number().int().min(-3).max(3),
  responses: z.tuple([ZExternalId, ZExternalId]),
});
export type TGold = z.infer<typeof ZGold>;

export const ZItemInput = z
  .object({
    id: ZExternalId,
    prompt: z.string().min(1).max(200_000),
    language: z.string().trim().toLowerCase().regex(/^[a-z0-9+#._-]{1,40}$/, "language is a short lowercase name such as python"),
    responses: z.array(ZResponseInput).min(1).max(16),
    metadata: z.record(z.string(), z.unknown()).optional(),
    gold: ZGold.optional(),
  })
  .superRefine((item, ctx) => {
    const ids = item.responses.map((r) => r.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: "custom", path: ["responses"], message: "response ids repeat within the item" });
    if (item.gold) {
      const [a, b] = item.gold.responses;
      if (a === b || !ids.includes(a) || !ids.includes(b)) ctx.addIssue({ code: "custom", path: ["gold", "responses"], message: "gold names two different responses of this item" });
    }
  });
export type TItemInput = z.infer<typeof ZItemInput>;

export const ZScoreLine = z
  .object({ item: ZExternalId, response: ZExternalId, scores: ZScores.optional(), tests: ZTests.optional() })
  .refine((l) => l.scores !== undefined || l.tests !== undefined, "a score line carries scores, tests or both");
export type TScoreLine = z.infer<typeof ZScoreLine>;

export function minResponses(mode: string): number {
  return mode === "rating" ? 1 : 2;
}

const ZCursor = ZExternalId.optional();

// Query of GET /api/v1/projects/{id}/items and of the trainer's Items tab (keyset on the item id).
export const ZItemListQuery = z.object({
  after: ZCursor,
  before: ZCursor,
  q: z.string().trim().max(200).optional(),
  gold: z.enum(["1", "0", "true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TItemListQuery = z.infer<typeof ZItemListQuery>;

// Mark (or, with gold null, clear) the expected answer of a pairwise item.
export const ZItemGoldInput = z.object({
  itemId: ZExternalId,
  gold: ZGold.nullable(),
});
export type TItemGoldInput = z.infer<typeof ZItemGoldInput>;
