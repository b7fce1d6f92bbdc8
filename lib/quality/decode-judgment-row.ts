import type { TAgreementJudgment } from "@/lib/agreement";

/**
 * How loadAgreementJudgments packs a judgment, so the driver parses five fields per row, not eleven.
 * flags (int4): bits 0–2 canonical value + 3 (7 = none) · bit 3 both-bad · bits 4–5 displayed
 *   winner (0 none, 1 left, 2 tie, 3 right) · bits 6–7 gold (0 not gold, 1 wrong, 2 right) ·
 *   bits 8–9 longer won (0 unknown, 1 no, 2 yes).
 * timing (float8, exact below 2^53): UTC day × DAY_FACTOR + active milliseconds (NO_TIME: none).
 * aspects (text): the stored JSON object of aspect values.
 */
export const JUDGMENT_CODES = { DAY_FACTOR: 2 ** 27, NO_TIME: 2 ** 27 - 1 } as const;

const DAY_MS = 86_400_000;
const LEFT_WON: ReadonlyArray<TAgreementJudgment["leftWon"]> = [null, "left", "tie", "right"];
const TRISTATE: ReadonlyArray<boolean | null> = [null, false, true];

export type TDecodeContext = {
  aspectKeys: string[];
  /** aspect objects by their JSON text: a project has few distinct ones, and the report only reads them */
  aspects: Map<string | null, Record<string, number | null>>;
  /** one Date per UTC day */
  days: Map<number, Date>;
  /** one string per rater id */
  raters: Map<string, string>;
};

function parseAspects(text: string | null, keys: string[]): Record<string, number | null> {
  let stored: unknown = null;
  try {
    stored = text === null ? null : JSON.parse(text);
  } catch {
    // a column that is not JSON has no usable aspect values
  }
  const values = stored !== null && typeof stored === "object" ? (stored as Record<string, unknown>) : {};
  const aspects: Record<string, number | null> = {};
  for (const key of keys) {
    const value = Object.hasOwn(values, key) ? values[key] : null;
    aspects[key] = typeof value === "number" ? value : null;
  }
  return aspects;
}

/** One row [unitId, userId, flags, timing, aspects JSON] back into a judgment. */
export function decodeJudgmentRow(row: unknown[], context: TDecodeContext): TAgreementJudgment {
  const flags = row[2] as number;
  const timing = row[3] as number;
  const aspectsText = row[4] as string | null;
  let aspects = context.aspects.get(aspectsText);
  if (aspects === undefined) context.aspects.set(aspectsText, (aspects = parseAspects(aspectsText, context.aspectKeys)));
  const day = Math.floor(timing / JUDGMENT_CODES.DAY_FACTOR);
  const milliseconds = timing - day * JUDGMENT_CODES.DAY_FACTOR;
  let createdAt = context.days.get(day);
  if (createdAt === undefined) context.days.set(day, (createdAt = new Date(day * DAY_MS)));
  const userId = row[1] as string;
  let rater = context.raters.get(userId);
  if (rater === undefined) context.raters.set(userId, (rater = userId));
  const valueCode = flags & 7;
  return {
    unitId: row[0] as string,
    rater,
    value: valueCode === 7 ? null : valueCode - 3,
    bothBad: (flags & 8) !== 0,
    aspects,
    leftWon: LEFT_WON[(flags >> 4) & 3],
    activeSeconds: milliseconds === JUDGMENT_CODES.NO_TIME ? null : milliseconds / 1000,
    createdAt,
    goldCorrect: TRISTATE[(flags >> 6) & 3],
    longerWon: TRISTATE[(flags >> 8) & 3],
  };
}
