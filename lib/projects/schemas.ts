import { z } from "zod";

export const ASPECT_SCALES = ["pairwise7", "likert5", "binary"] as const;
export const PROJECT_MODES = ["pairwise", "rating", "ranking"] as const;

export const ZRubricAspect = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "aspect keys are lowercase letters, digits and _"),
  label: z.string().trim().min(1).max(80),
  description: z.string().max(2000).default(""),
  scale: z.enum(ASPECT_SCALES),
  required: z.boolean().default(false),
});
export type TRubricAspect = z.infer<typeof ZRubricAspect>;

export const ZRubricInput = z
  .object({
    version: z.number().int().positive().optional(),
    aspects: z.array(ZRubricAspect).max(30),
    rationale: z.enum(["required", "optional", "off"]).default("optional"),
  })
  .refine((r) => new Set(r.aspects.map((a) => a.key)).size === r.aspects.length, { message: "aspect keys must be unique", path: ["aspects"] });
export type TRubricInput = z.infer<typeof ZRubricInput>;
export type TRubric = { version: number; aspects: TRubricAspect[]; rationale: "required" | "optional" | "off" };

export const ZProjectCreate = z.object({
  name: z.string().trim().min(1).max(200),
  mode: z.enum(PROJECT_MODES),
  overlap: z.number().int().min(1).max(50).default(3),
  sampling: z.enum(["active", "random"]).default("random"),
  instructions: z.string().max(100_000).default(""),
  rubric: ZRubricInput.optional(),
  leaseSeconds: z.number().int().min(30).max(7 * 86400).optional(),
  goldRate: z.number().min(0).max(1).optional(),
  goldThreshold: z.number().min(0).max(1).optional(),
});
export type TProjectCreate = z.infer<typeof ZProjectCreate>;

// Every field optional and without defaults: a partial update changes only what it names.
export const ZProjectUpdate = z
  .object({
    name: z.string().trim().min(1).max(200),
    overlap: z.number().int().min(1).max(50),
    sampling: z.enum(["active", "random"]),
    instructions: z.string().max(100_000),
    leaseSeconds: z.number().int().min(30).max(7 * 86400),
    goldRate: z.number().min(0).max(1),
    goldThreshold: z.number().min(0).max(1),
  })
  .partial()
  .strict();
export type TProjectUpdate = z.infer<typeof ZProjectUpdate>;

export const ZMemberPause = z.object({ userId: z.string().min(1).max(100), paused: z.boolean() });

export const ZMemberAdd = z.object({ email: z.string().trim().toLowerCase().email().max(320) });

const ASPECT_TEXT: Array<[string, string, string]> = [
  ["correctness", "Correctness", "Does the code do what the prompt asks, on every input including edge cases?"],
  ["readability", "Readability", "Is it easy to follow: names, structure, comments where they matter?"],
  ["efficiency", "Efficiency", "Time and memory complexity fit the problem; no needless quadratic work."],
  ["security", "Security", "No injection, unsafe deserialisation, leaked secrets or missing input checks."],
  ["idiomaticity", "Idiomaticity", "Uses the language's and standard library's usual style and tools."],
];

export function defaultRubric(mode: (typeof PROJECT_MODES)[number]): TRubric {
  const scale = mode === "pairwise" ? "pairwise7" : "likert5";
  return {
    version: 1,
    aspects: ASPECT_TEXT.map(([key, label, description]) => ({ key, label, description, scale, required: mode !== "ranking" && key === "correctness" })),
    rationale: "optional",
  };
}

export const ZStoredAspects = z.array(ZRubricAspect);
