import type { TRatingScale } from "./rating-scales";

/** Ratings of one target (the overall value or one aspect), counted per unit and scale level. */
export type TLevelTable = {
  scale: TRatingScale;
  unitCount: number;
  /** unitCount × levels, row-major */
  levelCounts: Uint8Array | Uint16Array | Int32Array;
};

/**
 * Counts each unit's ratings per level in the narrowest cells that hold them: a unit rarely has
 * 255 identical ratings, and small tables keep a million-judgment report clear of the allocation
 * volume that sets off a full garbage collection. Wider cells only when a count overflows.
 */
export function buildLevelTable({
  levels,
  unitOf,
  unitCount,
  scale,
}: {
  levels: Int8Array;
  unitOf: Int32Array;
  unitCount: number;
  scale: TRatingScale;
}): TLevelTable {
  const L = scale.values.length;
  for (const Cells of [Uint8Array, Uint16Array]) {
    const levelCounts = new Cells(unitCount * L);
    const full = Cells === Uint8Array ? 0xff : 0xffff;
    let overflowed = false;
    for (let j = 0; j < levels.length && !overflowed; j++) {
      if (levels[j] < 0) continue;
      const cell = unitOf[j] * L + levels[j];
      if (levelCounts[cell] === full) overflowed = true;
      else levelCounts[cell]++;
    }
    if (!overflowed) return { scale, unitCount, levelCounts };
  }
  const levelCounts = new Int32Array(unitCount * L);
  for (let j = 0; j < levels.length; j++) if (levels[j] >= 0) levelCounts[unitOf[j] * L + levels[j]]++;
  return { scale, unitCount, levelCounts };
}
