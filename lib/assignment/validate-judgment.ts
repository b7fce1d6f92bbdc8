import { AppError, type TErrorDetail } from "@/lib/errors/app-error";
import type { TRubric } from "@/lib/projects/schemas";
import type { TJudgmentInput } from "./schemas";

const LIKERT = (v: number) => v >= 1 && v <= 5;
const BINARY = (v: number) => v === 0 || v === 1;

// What is required depends on the mode and the rubric (API.md); every problem is named.
export function validateJudgment(opts: { input: TJudgmentInput; mode: string; rubric: TRubric; slotCount: number }): void {
  const { input, mode, rubric, slotCount } = opts;
  const details: TErrorDetail[] = [];
  const slots = Array.from({ length: slotCount }, (_, i) => String.fromCharCode(65 + i));
  const miss = (field: string, message: string) => details.push({ field, message });
  const aspectKeys = new Set(rubric.aspects.map((a) => a.key));

  if (mode === "pairwise") {
    if (input.preference === undefined && !input.bothBad) miss("preference", "preference (−3..3) or bothBad is required");
    for (const aspect of rubric.aspects) {
      const value = input.aspects?.[aspect.key];
      if (aspect.required && !input.bothBad && (value === undefined || value === null)) miss(`aspects.${aspect.key}`, `${aspect.label} is required`);
      if (value !== undefined && value !== null && aspect.scale === "binary" && !BINARY(Math.abs(value))) miss(`aspects.${aspect.key}`, "binary aspects take 0 or 1");
    }
  }
  if (mode === "rating") {
    const given = input.ratings ?? {};
    for (const slot of Object.keys(given)) if (!slots.includes(slot)) miss(`ratings.${slot}`, `no slot ${slot} in this assignment`);
    for (const aspect of rubric.aspects) {
      const value = given.A?.[aspect.key];
      if (aspect.required && value === undefined) miss(`ratings.A.${aspect.key}`, `${aspect.label} is required`);
      if (value !== undefined && !(aspect.scale === "binary" ? BINARY(value) : LIKERT(value))) miss(`ratings.A.${aspect.key}`, aspect.scale === "binary" ? "0 or 1" : "1 to 5");
    }
  }
  if (mode === "ranking") {
    const ranking = input.ranking ?? [];
    if (ranking.length !== slotCount || new Set(ranking).size !== slotCount || ranking.some((s) => !slots.includes(s))) {
      miss("ranking", `ranking must list each of the slots ${slots.join(", ")} exactly once`);
    }
  }
  for (const key of Object.keys(input.aspects ?? {})) if (!aspectKeys.has(key)) miss(`aspects.${key}`, `no aspect ${key} in rubric version ${rubric.version}`);
  if (rubric.rationale === "required" && !input.rationale?.trim()) miss("rationale", "a rationale is required");
  for (const [i, c] of (input.comments ?? []).entries()) {
    if (!slots.includes(c.slot)) miss(`comments.${i}.slot`, `no slot ${c.slot} in this assignment`);
    if (c.aspect && !aspectKeys.has(c.aspect)) miss(`comments.${i}.aspect`, `no aspect ${c.aspect}`);
  }
  if (details.length) throw new AppError("missing_field", details.map((d) => d.message).join("; "), { details });
}
