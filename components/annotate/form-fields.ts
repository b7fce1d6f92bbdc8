import { aspectScale, visibleAspects, type TAspectScale, type TAssignment } from "./judgment-draft";

// The keyboard model: exactly one field is active at a time (ringed on screen); the digit keys
// always set the active field, j/k (or Tab) move between fields.
export type TFieldKind = "preference" | TAspectScale | "confidence" | "rank";
export type TField = { id: string; kind: TFieldKind; label: string; aspectKey?: string; position?: number };

export function formFields(assignment: TAssignment): TField[] {
  const fields: TField[] = [];
  if (assignment.mode === "pairwise") fields.push({ id: "preference", kind: "preference", label: "Overall" });
  if (assignment.mode === "ranking") {
    assignment.responses.forEach((_, position) => fields.push({ id: `rank:${position}`, kind: "rank", label: `Rank ${position + 1}`, position }));
  }
  for (const aspect of visibleAspects(assignment)) {
    fields.push({ id: `aspect:${aspect.key}`, kind: aspectScale(assignment.mode, aspect), label: aspect.label, aspectKey: aspect.key });
  }
  fields.push({ id: "confidence", kind: "confidence", label: "Confidence" });
  return fields;
}

export type TScaleOption = { value: number; digit: number; label: string; short: string };

const COMPARE7: TScaleOption[] = [
  { value: -3, digit: 1, label: "A much better", short: "A≫" },
  { value: -2, digit: 2, label: "A better", short: "A>" },
  { value: -1, digit: 3, label: "A slightly better", short: "A≥" },
  { value: 0, digit: 4, label: "Tie", short: "=" },
  { value: 1, digit: 5, label: "B slightly better", short: "B≥" },
  { value: 2, digit: 6, label: "B better", short: "B>" },
  { value: 3, digit: 7, label: "B much better", short: "B≫" },
];
const COMPARE5: TScaleOption[] = [
  { value: -2, digit: 1, label: "A better", short: "A>" },
  { value: -1, digit: 2, label: "A slightly better", short: "A≥" },
  { value: 0, digit: 3, label: "Tie", short: "=" },
  { value: 1, digit: 4, label: "B slightly better", short: "B≥" },
  { value: 2, digit: 5, label: "B better", short: "B>" },
];
const LIKERT5: TScaleOption[] = [
  { value: 1, digit: 1, label: "1 — poor", short: "1" },
  { value: 2, digit: 2, label: "2", short: "2" },
  { value: 3, digit: 3, label: "3 — acceptable", short: "3" },
  { value: 4, digit: 4, label: "4", short: "4" },
  { value: 5, digit: 5, label: "5 — excellent", short: "5" },
];
const CONFIDENCE: TScaleOption[] = [
  { value: 1, digit: 1, label: "1 — guessing", short: "1" },
  { value: 2, digit: 2, label: "2", short: "2" },
  { value: 3, digit: 3, label: "3", short: "3" },
  { value: 4, digit: 4, label: "4", short: "4" },
  { value: 5, digit: 5, label: "5 — certain", short: "5" },
];
const BINARY: TScaleOption[] = [
  { value: 1, digit: 1, label: "Yes", short: "Yes" },
  { value: 0, digit: 2, label: "No", short: "No" },
];

export function scaleOptions(kind: Exclude<TFieldKind, "rank">): TScaleOption[] {
  switch (kind) {
    case "preference":
    case "compare7":
      return COMPARE7;
    case "compare5":
      return COMPARE5;
    case "likert5":
      return LIKERT5;
    case "confidence":
      return CONFIDENCE;
    case "binary":
      return BINARY;
  }
}

export function digitHint(field: TField, slotCount: number): string {
  if (field.kind === "rank") return `1–${slotCount} place · Alt+↑/↓ move`;
  const options = scaleOptions(field.kind);
  return `${options[0].digit}–${options[options.length - 1].digit}`;
}

export function valueForDigit(field: TField, digit: number): number | null {
  if (field.kind === "rank") return null;
  return scaleOptions(field.kind).find((o) => o.digit === digit)?.value ?? null;
}
