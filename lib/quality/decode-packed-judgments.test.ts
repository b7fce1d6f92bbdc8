import { describe, expect, it } from "vitest";
import { buildAgreementReport, buildAgreementReportFromColumns, mulberry32, type TAgreementJudgment, type TAspectScale } from "@/lib/agreement";
import { RATING_SCALES } from "@/lib/agreement/rating-scales";
import { buildUnitFacts } from "./build-unit-facts";
import { decodePackedJudgments, type TPackedGroup } from "./decode-packed-judgments";
import { PACKED } from "./packed-judgment-layout";

// Random judgments written the way the report_record column and loadUnitFacts pack them (an
// encoder of the layout, independent of the decoder), decoded, and reported on: the report must
// equal buildAgreementReport on the same judgments as objects, sorted by unit key, rater, winner.
const SCALES: Record<string, TAspectScale> = { correctness: "pairwise7", style: "likert5", compiles: "binary", security: "pairwise7", tests: "binary" };
const KEYS = Object.keys(SCALES);
const DAY_MS = 86_400_000;

type TUnit = { id: string; hi: number; lo: number; gold: number; lengths: [number, number] | null };
type TRow = { unit: TUnit; rater: string; preference: number | null; bothBad: boolean; winner: number; aspects: (number | null)[]; ms: number | null; day: number; aspectsText?: string | null; fromRatings?: boolean };

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

function encode(units: TUnit[], rows: TRow[]): { groups: TPackedGroup[]; facts: ReturnType<typeof buildUnitFacts> } {
  const byGroup = new Map<string, { rater: string; aspects: string | null; own: TRow[] }>();
  for (const row of rows) {
    // as Postgres prints jsonb: keys shortest first, then by bytes; an absent value is left out
    const entries = KEYS.map((key, a) => [key, row.aspects[a]] as const).filter(([, v], a) => v !== null || a % 2 === 0);
    entries.sort(([a], [b]) => a.length - b.length || (a < b ? -1 : 1));
    const aspects = row.aspectsText !== undefined ? row.aspectsText : `{${entries.map(([k, v]) => `"${k}": ${v}`).join(", ")}}`;
    const id = `${row.rater}|${aspects}`;
    if (!byGroup.has(id)) byGroup.set(id, { rater: row.rater, aspects, own: [] });
    byGroup.get(id)!.own.push(row);
  }
  const groups = [...byGroup.values()].map(({ rater, aspects, own }) => {
    const records = own.map((row) => {
      const preference = row.preference === null ? PACKED.NO_PREFERENCE : row.preference + 3;
      const word = BigInt(row.ms ?? PACKED.NO_TIME) | (BigInt(row.day) << 27n) | (BigInt(preference) << 43n) | (BigInt(row.bothBad ? 1 : 0) << 47n) | (BigInt(row.winner) << 48n) | (BigInt(row.fromRatings ? 1 : 0) << 50n);
      return Buffer.concat([int64(row.unit.hi, row.unit.lo), wordOf(word)]);
    });
    return { rater, aspects, records: Buffer.concat(records) };
  });
  const responses = Buffer.concat(units.flatMap((u, i) => (u.lengths ? u.lengths.map((length, side) => Buffer.concat([int64(i, side), int32(length)])) : [])));
  const unitRecords = Buffer.concat(units.map((u, i) => Buffer.concat([int64(u.hi, u.lo), int64(i, 0), int64(i, 1), int32(u.lengths ? 0 : 3)])));
  const gold = Buffer.concat(units.filter((u) => u.gold !== 3).map((u) => Buffer.concat([int64(u.hi, u.lo), int32(u.gold)])));
  return { groups, facts: buildUnitFacts({ responses, units: unitRecords, gold }) };
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
      const { groups, facts } = encode(units, rows);
      const decoded = decodePackedJudgments({ groups, facts: facts!, aspectScales: SCALES, mode: "pairwise" });
      expect(decoded).not.toBeNull();
      const options = { aspectScales: SCALES, skipsByRater: { ann: 2, yan: 1 }, bootstrap: { iterations: 100, seed: 9 } };
      const report = buildAgreementReportFromColumns({ columns: decoded!.columns, ...options });
      expect(report).toEqual(buildAgreementReport({ judgments: asObjects(rows), ...options }));
      expect(report.raters.some((r) => r.goldAccuracy !== null && r.lengthBias !== null)).toBe(true);
    });
  }

  it("numbers units and orders each unit's labels the same whatever order rows and raters arrived in", () => {
    const { units, rows } = randomData(4);
    const first = decodePackedJudgments({ ...encode(units, rows), facts: encode(units, rows).facts!, aspectScales: SCALES, mode: "pairwise" })!;
    const shuffled = encode([...units].reverse(), [...rows].reverse());
    const second = decodePackedJudgments({ groups: [...shuffled.groups].reverse(), facts: shuffled.facts!, aspectScales: SCALES, mode: "pairwise" })!;
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
      const { groups } = encode(units, change(rows.map((r) => ({ ...r }))));
      return decodePackedJudgments({ groups, facts: encode(factsUnits, rows).facts!, aspectScales: SCALES, mode: "pairwise" });
    };
    expect(decline((r) => r)).not.toBeNull();
    expect(decline((r) => [{ ...r[0], aspectsText: '{"tests": null, "correctness": 4}' }, ...r.slice(1)])).toBeNull();
    expect(decline((r) => [{ ...r[0], aspectsText: '{"style": 2.5}' }, ...r.slice(1)])).toBeNull();
    expect(decline((r) => [{ ...r[0], aspectsText: '{"compiles": "1"}' }, ...r.slice(1)])).toBeNull();
    expect(decline((r) => [{ ...r[0], fromRatings: true }, ...r.slice(1)])).toBeNull();
    expect(decline((r) => [{ ...r[0], aspectsText: '{"tests": null, "unknown": 99}' }, ...r.slice(1)])).not.toBeNull();
    expect(decline((r) => [{ ...r[0], preference: PACKED.IRREGULAR - 3 }, ...r.slice(1)])).toBeNull();
    expect(decline((r) => [{ ...r[0], ms: PACKED.IRREGULAR_TIME }, ...r.slice(1)])).toBeNull();
    expect(decline((r) => r, units.filter((u) => u !== rows[0].unit))).toBeNull();
  });

  it("reports a project without judgments as the reference does", () => {
    const { units } = randomData(7);
    const decoded = decodePackedJudgments({ groups: [], facts: encode(units, []).facts!, aspectScales: SCALES, mode: "pairwise" });
    expect(decoded!.columns.count).toBe(0);
    expect(buildAgreementReportFromColumns({ columns: decoded!.columns, aspectScales: SCALES })).toEqual(buildAgreementReport({ judgments: [], aspectScales: SCALES }));
  });

  it("reads a rating project's aspects from the ratings, and none where a judgment has no ratings", () => {
    const { units, rows } = randomData(8);
    const rated = rows.map((row, i) => (i % 5 === 0 ? { ...row, fromRatings: false, aspects: KEYS.map(() => null) } : { ...row, fromRatings: true }));
    // the canonical aspects a rating judgment does not read: whatever they hold, they are not its values
    const stored = rated.map((row) => (row.fromRatings ? row : { ...row, aspectsText: '{"correctness": 2}' }));
    const { groups, facts } = encode(units, stored);
    const decoded = decodePackedJudgments({ groups, facts: facts!, aspectScales: SCALES, mode: "rating" });
    const options = { aspectScales: SCALES, bootstrap: { iterations: 20, seed: 4 } };
    expect(buildAgreementReportFromColumns({ columns: decoded!.columns, ...options })).toEqual(buildAgreementReport({ judgments: asObjects(rated), ...options }));
  });

  it("has no unit facts when two units share a key", () => {
    const { units, rows } = randomData(6);
    expect(encode([...units, { ...units[3], id: "twin" }], rows).facts).toBeNull();
  });
});
