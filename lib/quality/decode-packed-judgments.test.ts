import { describe, expect, it } from "vitest";
import { buildAgreementReport, buildAgreementReportFromColumns, mulberry32, type TAgreementJudgment, type TAspectScale } from "@/lib/agreement";
import { RATING_SCALES } from "@/lib/agreement/rating-scales";
import { buildUnitFacts } from "./build-unit-facts";
import { decodePackedJudgments, type TPackedRater } from "./decode-packed-judgments";
import { aspectPosition, PACKED, wordCount } from "./packed-judgment-layout";

// Random judgments written the way buildPackedJudgmentsQuery and loadUnitFacts pack them (an
// encoder of the layout, independent of the decoder), decoded, and reported on: the report must
// equal buildAgreementReport on the same judgments as objects, sorted by unit key, rater, winner.
const SCALES: Record<string, TAspectScale> = { correctness: "pairwise7", style: "likert5", compiles: "binary", security: "pairwise7", tests: "binary" };
const KEYS = Object.keys(SCALES);
const DAY_MS = 86_400_000;

type TUnit = { id: string; hi: number; lo: number; gold: number; lengths: [number, number] | null };
type TRow = { unit: TUnit; rater: string; preference: number | null; bothBad: boolean; winner: number; aspects: (number | null)[]; ms: number | null; day: number; aspectNibbles?: number[] };

const int64 = (hi: number, lo: number) => Buffer.from([hi >>> 24, hi >>> 16, hi >>> 8, hi, lo >>> 24, lo >>> 16, lo >>> 8, lo].map((b) => b & 0xff));
const int32 = (v: number) => Buffer.from([v >>> 24, v >>> 16, v >>> 8, v].map((b) => b & 0xff));
const wordOf = (value: bigint) => int64(Number((value >> 32n) & 0xffffffffn) | 0, Number(value & 0xffffffffn) | 0);

function randomData(seed: number) {
  const random = mulberry32(seed);
  const int = () => Math.floor(random() * 2 ** 32) | 0;
  const units: TUnit[] = Array.from({ length: 120 }, (_, u) => ({
    id: `unit-${u}`,
    hi: u % 17 === 0 ? 7 : int(), // a few share their high half: ordered by the low half
    lo: int(),
    gold: u % 9 === 0 ? Math.floor(random() * 3) : u % 29 === 0 ? 4 : 3,
    lengths: u % 13 === 0 ? null : [1 + Math.floor(random() * 4), 1 + Math.floor(random() * 4)],
  }));
  const raters = ["zoe", "ann", "bob", "cy", "dee", "eve"];
  const rows: TRow[] = [];
  for (const unit of units) {
    for (const rater of raters) {
      const times = random() < 0.5 ? 0 : random() < 0.9 ? 1 : 2; // some raters judge a unit twice
      for (let t = 0; t < times; t++) {
        const bothBad = random() < 0.08;
        const preference = random() < 0.06 ? null : Math.floor(random() * 7) - 3;
        const aspects = KEYS.map((key) => (random() < 0.2 ? null : RATING_SCALES[SCALES[key]].values[Math.floor(random() * RATING_SCALES[SCALES[key]].values.length)]));
        const winner = bothBad || preference === null ? 0 : 1 + Math.floor(random() * 3);
        rows.push({ unit, rater, preference, bothBad, winner, aspects, ms: random() < 0.1 ? null : Math.floor(random() * 600_000), day: 20_000 + Math.floor(random() * 9) });
      }
    }
  }
  return { units, rows: rows.sort(() => random() - 0.5) };
}

function encode(units: TUnit[], rows: TRow[]): { raters: TPackedRater[]; facts: ReturnType<typeof buildUnitFacts> } {
  const byRater = new Map<string, TRow[]>();
  for (const row of rows) byRater.set(row.rater, [...(byRater.get(row.rater) ?? []), row]);
  const raters = [...byRater].map(([rater, own]) => {
    const words = Array.from({ length: wordCount(KEYS.length) }, () => own.map(() => 0n));
    own.forEach((row, i) => {
      const preference = row.preference === null ? PACKED.NO_PREFERENCE : row.preference + 3;
      words[0][i] = BigInt(row.ms ?? PACKED.NO_TIME) | (BigInt(row.day) << 27n) | (BigInt(preference) << 43n) | (BigInt(row.bothBad ? 1 : 0) << 47n) | (BigInt(row.winner) << 48n);
      KEYS.forEach((key, a) => {
        const value = row.aspects[a];
        const nibble = row.aspectNibbles?.[a] ?? (value === null ? PACKED.ASPECT_MISSING : RATING_SCALES[SCALES[key]].values.indexOf(value));
        const { word, shift } = aspectPosition(a);
        words[word][i] |= BigInt(nibble) << BigInt(shift);
      });
    });
    return { rater, units: Buffer.concat(own.map((row) => int64(row.unit.hi, row.unit.lo))), words: words.map((column) => Buffer.concat(column.map(wordOf))) };
  });
  const responses = Buffer.concat(units.flatMap((u, i) => (u.lengths ? u.lengths.map((length, side) => Buffer.concat([int64(i, side), int32(length)])) : [])));
  const unitRecords = Buffer.concat(units.map((u, i) => Buffer.concat([int64(u.hi, u.lo), int64(i, 0), int64(i, 1), int32(u.lengths ? 0 : 3)])));
  const gold = Buffer.concat(units.filter((u) => u.gold !== 3).map((u) => Buffer.concat([int64(u.hi, u.lo), int32(u.gold)])));
  return { raters, facts: buildUnitFacts({ responses, units: unitRecords, gold }) };
}

/** The same judgments as objects, with gold and length read as the SQL loaders define them. */
function asObjects(rows: TRow[]): TAgreementJudgment[] {
  const key = (u: TUnit) => (BigInt(u.hi >>> 0) << 32n) | BigInt(u.lo >>> 0);
  const judgments = rows.map((row): TAgreementJudgment => {
    const isDecided = !row.bothBad && row.preference !== null;
    const sign = Math.sign(row.preference ?? 0);
    const longer = row.unit.lengths ? Math.sign(row.unit.lengths[1] - row.unit.lengths[0]) + 1 : 3;
    return {
      unitId: row.unit.id,
      rater: row.rater,
      value: row.preference,
      bothBad: row.bothBad,
      aspects: Object.fromEntries(KEYS.map((k, a) => [k, row.aspects[a]])),
      leftWon: ([null, "left", "tie", "right"] as const)[row.winner],
      activeSeconds: row.ms === null ? null : row.ms / 1000,
      createdAt: new Date(row.day * DAY_MS + 3_600_000),
      goldCorrect: row.unit.gold === 3 ? null : isDecided && sign === row.unit.gold - 1,
      longerWon: isDecided && sign !== 0 && (longer === 0 || longer === 2) ? sign === longer - 1 : null,
    };
  });
  const keys = new Map(rows.map((r) => [r.unit.id, key(r.unit)]));
  const winner = (j: TAgreementJudgment) => (j.bothBad || j.value === null ? -2 : Math.sign(j.value));
  return judgments.sort((a, b) => {
    const [ka, kb] = [keys.get(a.unitId)!, keys.get(b.unitId)!];
    if (ka !== kb) return ka < kb ? -1 : 1;
    return a.rater !== b.rater ? (a.rater < b.rater ? -1 : 1) : winner(a) - winner(b);
  });
}

describe("decodePackedJudgments", () => {
  for (const seed of [1, 2, 3]) {
    it(`gives the columns whose report equals the reference's, bit for bit (seed ${seed})`, () => {
      const { units, rows } = randomData(seed);
      const { raters, facts } = encode(units, rows);
      const decoded = decodePackedJudgments({ raters, facts: facts!, aspectScales: SCALES });
      expect(decoded).not.toBeNull();
      const options = { aspectScales: SCALES, skipsByRater: { ann: 2, yan: 1 }, bootstrap: { iterations: 100, seed: 9 } };
      const report = buildAgreementReportFromColumns({ columns: decoded!.columns, ...options });
      expect(report).toEqual(buildAgreementReport({ judgments: asObjects(rows), ...options }));
      expect(report.raters.some((r) => r.goldAccuracy !== null && r.lengthBias !== null)).toBe(true);
    });
  }

  it("numbers units and orders each unit's labels the same whatever order rows and raters arrived in", () => {
    const { units, rows } = randomData(4);
    const first = decodePackedJudgments({ ...encode(units, rows), facts: encode(units, rows).facts!, aspectScales: SCALES })!;
    const shuffled = encode([...units].reverse(), [...rows].reverse());
    const second = decodePackedJudgments({ raters: [...shuffled.raters].reverse(), facts: shuffled.facts!, aspectScales: SCALES })!;
    expect(second.unitKeys).toEqual(first.unitKeys);
    expect(second.columns.raterIds).toEqual(first.columns.raterIds);
    const labelsByUnit = ({ columns }: typeof first) => {
      const units = Array.from({ length: columns.unitCount }, () => [] as string[]);
      for (let j = 0; j < columns.count; j++) units[columns.unitOf[j]].push(`${columns.raterOf[j]}:${columns.overallLevels[j]}`);
      return units;
    };
    expect(labelsByUnit(second)).toEqual(labelsByUnit(first));
    const options = { aspectScales: SCALES, bootstrap: { iterations: 50, seed: 3 } };
    expect(buildAgreementReportFromColumns({ columns: second.columns, ...options })).toEqual(buildAgreementReportFromColumns({ columns: first.columns, ...options }));
  });

  it("declines irregular judgments and units it has no facts for", () => {
    const { units, rows } = randomData(5);
    const decline = (change: (rows: TRow[]) => TRow[], factsUnits = units) => {
      const { raters } = encode(units, change(rows.map((r) => ({ ...r }))));
      return decodePackedJudgments({ raters, facts: encode(factsUnits, rows).facts!, aspectScales: SCALES });
    };
    expect(decline((r) => r)).not.toBeNull();
    expect(decline((r) => [{ ...r[0], aspectNibbles: [PACKED.ASPECT_IRREGULAR, 0, 0, 0, 0] }, ...r.slice(1)])).toBeNull();
    expect(decline((r) => [{ ...r[0], aspectNibbles: [0, 0, 0, 0, PACKED.ASPECT_IRREGULAR] }, ...r.slice(1)])).toBeNull();
    expect(decline((r) => [{ ...r[0], preference: PACKED.IRREGULAR - 3 }, ...r.slice(1)])).toBeNull();
    expect(decline((r) => [{ ...r[0], ms: PACKED.IRREGULAR_TIME }, ...r.slice(1)])).toBeNull();
    expect(decline((r) => r, units.filter((u) => u !== rows[0].unit))).toBeNull();
  });

  it("reports a project without judgments as the reference does", () => {
    const { units } = randomData(7);
    const decoded = decodePackedJudgments({ raters: [], facts: encode(units, []).facts!, aspectScales: SCALES });
    expect(decoded!.columns.count).toBe(0);
    expect(buildAgreementReportFromColumns({ columns: decoded!.columns, aspectScales: SCALES })).toEqual(buildAgreementReport({ judgments: [], aspectScales: SCALES }));
  });

  it("has no unit facts when two units share a key", () => {
    const { units, rows } = randomData(6);
    expect(encode([...units, { ...units[3], id: "twin" }], rows).facts).toBeNull();
  });
});
