import type { TJudgmentInput } from "./schemas";

// Annotators see responses in a randomised slot order; statistics and exports need the unit's own
// orientation (negative = the response listed earlier in the item). For a pair, the sign flips
// exactly when the earlier response was shown on the right.
export function canonicalizeJudgment(opts: {
  input: TJudgmentInput;
  slotOrder: string[];
  unitResponseA: string | null;
}) {
  const { input, slotOrder, unitResponseA } = opts;
  const flipped = unitResponseA !== null && slotOrder.length === 2 && slotOrder[0] !== unitResponseA;
  const orient = (v: number | null | undefined) => (v === null || v === undefined ? null : flipped ? -v || 0 : v);
  const aspects: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(input.aspects ?? {})) aspects[key] = orient(value);
  const responseOfSlot = (slot: string) => slotOrder[slot.charCodeAt(0) - 65];
  const ratings = input.ratings
    ? Object.fromEntries(Object.entries(input.ratings).map(([slot, values]) => [responseOfSlot(slot), values]))
    : null;
  const ranking = input.ranking ? input.ranking.map(responseOfSlot) : null;
  return { preference: orient(input.preference), aspects, ratings, ranking, flipped, responseOfSlot };
}
