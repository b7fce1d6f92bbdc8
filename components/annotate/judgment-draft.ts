import { z } from "zod";
import type { TAssignmentView, TJudgmentInput } from "@/lib/assignment/schemas";

export const ZDraftComment = z.object({
  id: z.string(),
  slot: z.string(),
  lineStart: z.number().int().min(1),
  lineEnd: z.number().int().min(1),
  aspect: z.string().nullable(),
  text: z.string(),
});
export type TDraftComment = z.infer<typeof ZDraftComment>;

// What the annotator has entered so far: kept in localStorage and on the server (assignment.draft),
// so it is read back through this schema and anything malformed is simply ignored.
export const ZJudgmentDraft = z.object({
  v: z.literal(1),
  idempotencyKey: z.string().min(8),
  preference: z.number().int().min(-3).max(3).nullable(),
  bothBad: z.boolean(),
  aspects: z.record(z.string(), z.number().int().min(-3).max(5).nullable()),
  ranking: z.array(z.string()),
  hasRanked: z.boolean(),
  rationale: z.string(),
  comments: z.array(ZDraftComment),
  confidence: z.number().int().min(1).max(5).nullable(),
  activeSeconds: z.number().min(0),
  updatedAt: z.number(),
});
export type TJudgmentDraft = z.infer<typeof ZJudgmentDraft>;

export type TAssignment = TAssignmentView;
export type TAspect = TAssignment["rubric"]["aspects"][number];

export function newDraft(assignment: TAssignment): TJudgmentDraft {
  return {
    v: 1,
    idempotencyKey: crypto.randomUUID(),
    preference: null,
    bothBad: false,
    aspects: {},
    ranking: assignment.responses.map((r) => r.slot),
    hasRanked: false,
    rationale: "",
    comments: [],
    confidence: null,
    activeSeconds: 0,
    updatedAt: 0,
  };
}

export function parseDraft(value: unknown): TJudgmentDraft | null {
  const parsed = ZJudgmentDraft.safeParse(value);
  return parsed.success ? parsed.data : null;
}

// The newer of the server copy (another device) and this browser's copy wins.
export function pickDraft(assignment: TAssignment, local: unknown): TJudgmentDraft {
  const server = parseDraft(assignment.draft);
  const mine = parseDraft(local);
  const best = [server, mine].filter((d): d is TJudgmentDraft => d !== null).sort((a, b) => b.updatedAt - a.updatedAt)[0];
  if (!best) return newDraft(assignment);
  const slots = assignment.responses.map((r) => r.slot);
  const isRankingValid = best.ranking.length === slots.length && slots.every((s) => best.ranking.includes(s));
  return isRankingValid ? best : { ...best, ranking: slots, hasRanked: false };
}

// Aspects are shown on the scale that fits the mode: a pair compares (−3..3, or −2..2 for a
// five-point aspect), a single response is rated (1..5); binary is yes = 1 / no = 0 everywhere.
export type TAspectScale = "compare7" | "compare5" | "likert5" | "binary";
export function aspectScale(mode: TAssignment["mode"], aspect: TAspect): TAspectScale {
  if (aspect.scale === "binary") return "binary";
  if (mode === "pairwise") return aspect.scale === "likert5" ? "compare5" : "compare7";
  return "likert5";
}

export function visibleAspects(assignment: TAssignment): TAspect[] {
  return assignment.mode === "ranking" ? [] : assignment.rubric.aspects;
}

export function toJudgmentInput(assignment: TAssignment, draft: TJudgmentDraft): TJudgmentInput {
  const aspectValues = Object.fromEntries(
    visibleAspects(assignment)
      .filter((a) => draft.aspects[a.key] !== undefined && draft.aspects[a.key] !== null)
      .map((a) => [a.key, draft.aspects[a.key] as number]),
  );
  const input: TJudgmentInput = {
    idempotencyKey: draft.idempotencyKey,
    activeSeconds: Math.round(draft.activeSeconds),
    comments: draft.comments.map(({ slot, lineStart, lineEnd, aspect, text }) => ({ slot, lineStart, lineEnd, aspect, text })),
  };
  if (draft.confidence !== null) input.confidence = draft.confidence;
  if (assignment.rubric.rationale !== "off" && draft.rationale.trim()) input.rationale = draft.rationale.trim();
  if (assignment.mode === "pairwise") {
    if (draft.bothBad) input.bothBad = true;
    if (draft.preference !== null) input.preference = draft.preference;
    input.aspects = aspectValues;
  } else if (assignment.mode === "rating") {
    input.ratings = { A: aspectValues };
  } else {
    input.ranking = draft.ranking;
  }
  return input;
}

// Mirrors the server's rules (validate-judgment.ts) so the annotator is told before sending.
export function missingFields(assignment: TAssignment, draft: TJudgmentDraft): Array<{ field: string; message: string }> {
  const missing: Array<{ field: string; message: string }> = [];
  if (assignment.mode === "pairwise" && draft.preference === null && !draft.bothBad) missing.push({ field: "preference", message: "Choose an overall preference (1–7) or both unacceptable (0)" });
  const skipAspects = assignment.mode === "pairwise" && draft.bothBad;
  for (const aspect of visibleAspects(assignment)) {
    const value = draft.aspects[aspect.key];
    if (aspect.required && !skipAspects && (value === undefined || value === null)) missing.push({ field: `aspect:${aspect.key}`, message: `${aspect.label} is required` });
  }
  if (assignment.rubric.rationale === "required" && !draft.rationale.trim()) missing.push({ field: "rationale", message: "A rationale is required" });
  return missing;
}
