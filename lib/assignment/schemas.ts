import { z } from "zod";

export const SLOTS = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P"] as const;
export const ZSlot = z.string().regex(/^[A-P]$/, "slots are letters A to P");

export const ZLineComment = z
  .object({
    slot: ZSlot,
    lineStart: z.number().int().min(1),
    lineEnd: z.number().int().min(1),
    aspect: z.string().max(40).nullish(),
    text: z.string().trim().min(1).max(5000),
  })
  .refine((c) => c.lineEnd >= c.lineStart, { message: "lineEnd is before lineStart", path: ["lineEnd"] });

export const ZJudgmentInput = z.object({
  idempotencyKey: z.string().min(8).max(100),
  preference: z.number().int().min(-3).max(3).optional(),
  bothBad: z.boolean().optional(),
  ratings: z.record(ZSlot, z.record(z.string().max(40), z.number().int().min(0).max(5))).optional(),
  aspects: z.record(z.string().max(40), z.number().int().min(-3).max(3).nullable()).optional(),
  ranking: z.array(ZSlot).max(16).optional(),
  rationale: z.string().max(20_000).optional(),
  comments: z.array(ZLineComment).max(200).optional(),
  confidence: z.number().int().min(1).max(5).optional(),
  activeSeconds: z.number().min(0).max(86_400).optional(),
});
export type TJudgmentInput = z.infer<typeof ZJudgmentInput>;

export const ZSkipInput = z.object({ reason: z.string().max(1000).optional() });
export const ZDraftInput = z.object({ draft: z.record(z.string(), z.unknown()) });
export const ZNextQuery = z.object({ exclude: z.string().max(2000).optional() });

export type TAssignmentView = {
  id: string;
  expiresAt: string;
  projectId: string;
  mode: "pairwise" | "rating" | "ranking";
  item: { prompt: string; language: string };
  responses: Array<{ slot: string; content: string }>;
  rubric: { version: number; aspects: Array<{ key: string; label: string; description: string; scale: string; required: boolean }>; rationale: string };
  instructions: string;
  draft: Record<string, unknown> | null;
};
