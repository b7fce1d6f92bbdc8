import { describe, expect, it } from "vitest";
import { buildAgreementReport } from "./build-agreement-report";
import type { TAgreementJudgment } from "./types";

const day = (d: number): Date => new Date(Date.UTC(2025, 0, d, 12));

function judgment(unitId: string, rater: string, value: number | null, extra: Partial<TAgreementJudgment> = {}): TAgreementJudgment {
  return { unitId, rater, value, bothBad: false, aspects: {}, leftWon: null, activeSeconds: null, createdAt: day(1), ...extra };
}

// Five pairs, three raters. Winner categories (first / tie / second) per unit:
//   u1: −2 −3 −1 → [3,0,0]    u2: 0 1 2 → [0,1,2]    u3: 3 −1 → [1,0,1]
//   u4: −1 alone → [1,0,0]    u5: r2's 2 is both-bad, so only r3's 1 → [0,0,1]
const judgments: TAgreementJudgment[] = [
  judgment("u1", "r1", -2, { leftWon: "left", activeSeconds: 30, createdAt: day(1), goldCorrect: true, longerWon: true, aspects: { correctness: -1, compiles: 1 } }),
  judgment("u1", "r2", -3, { leftWon: "right", activeSeconds: 60, createdAt: day(1), longerWon: false, aspects: { correctness: -1, compiles: 1 } }),
  judgment("u1", "r3", -1, { leftWon: "left", activeSeconds: 45, createdAt: day(2), aspects: { correctness: -1, compiles: 0 } }),
  judgment("u2", "r1", 0, { leftWon: "tie", activeSeconds: 20, createdAt: day(1), longerWon: null, aspects: { correctness: 1, compiles: 1 } }),
  judgment("u2", "r2", 1, { leftWon: "left", createdAt: day(2), aspects: { correctness: 1, compiles: 1 } }),
  judgment("u2", "r3", 2, { leftWon: "right", activeSeconds: 50, createdAt: day(2), aspects: { compiles: 7 } }),
  judgment("u3", "r1", 3, { leftWon: "left", activeSeconds: 40, createdAt: day(3), goldCorrect: false, aspects: { correctness: 0 } }),
  judgment("u3", "r2", -1, { leftWon: "left", activeSeconds: 90, createdAt: day(2), aspects: { correctness: 1 } }),
  judgment("u4", "r1", -1, { leftWon: "left", activeSeconds: 10, createdAt: day(3) }),
  judgment("u5", "r2", 2, { bothBad: true, leftWon: "right", activeSeconds: 15, createdAt: day(3), aspects: { correctness: 2 } }),
  judgment("u5", "r3", 1, { leftWon: "right", activeSeconds: 25, createdAt: day(3), aspects: { correctness: 2 } }),
];

const report = buildAgreementReport({
  judgments,
  aspectScales: { correctness: "pairwise7", compiles: "binary" },
  skipsByRater: { r1: 1, r4: 3 },
});

describe("buildAgreementReport: overall", () => {
  it("counts judgments and units", () => {
    expect(report.judgments).toBe(11);
    expect(report.units).toBe(5);
  });

  it("computes p_a, Fleiss' κ and AC1 on the winner, with single units only in π_k", () => {
    // P_i: u1 1, u2 (0+0+2)/6 = 1/3, u3 0 → p_a = 4/9
    expect(report.overall.percentAgreement).toBeCloseTo(4 / 9, 12);
    // π = (2.5/5, (1/3)/5, (13/6)/5) = (1/2, 1/15, 13/30); P_e = 398/900; κ = (400 − 398)/(900 − 398)
    expect(report.overall.fleissKappa).toBeCloseTo(2 / 502, 12);
    // AC1 p_e = ½ Σ π(1 − π) = 251/900; AC1 = (400 − 251)/(900 − 251)
    expect(report.overall.gwetAC1).toBeCloseTo(149 / 649, 12);
  });

  it("computes α on the 7-point value, dropping single-judgment units", () => {
    // pairable values −3 −2 −1 | 0 1 2 | 3 −1, n = 8, every coincidence off the diagonal: D_o = 1,
    // D_e = (64 − Σ n_c² = 10)/56 → α = 1 − 56/54
    expect(report.overall.krippendorffAlpha.nominal).toBeCloseTo(-2 / 54, 12);
    // Σ o δ² = 6 + 6 + 32 = 44; Σ n_c n_k δ² = 2·8·29 − 2·(−1)² = 462 → α = 1 − 7·44/462 = 1/3
    expect(report.overall.krippendorffAlpha.interval).toBeCloseTo(1 / 3, 12);
    // ordinal: n_g = 1 1 2 1 1 1 1; observed Σ o δ² = 9.5 + 6 + 40.5 = 56; expected 2·332 → 1 − 7·56/664
    expect(report.overall.krippendorffAlpha.ordinal).toBeCloseTo(34 / 83, 12);
  });

  it("has no ci95 unless a bootstrap is asked for", () => {
    expect(report.overall.ci95).toBeUndefined();
  });
});

describe("buildAgreementReport: aspects", () => {
  it("rates a pairwise7 aspect on its own values, keeping both-bad judgments", () => {
    // u1 [−1 −1 −1], u2 [1 1], u3 [0 1], u5 [2 2] (r2's both-bad judgment still rated it)
    const { correctness } = report.aspects;
    expect(correctness.percentAgreement).toBeCloseTo(3 / 4, 12);
    // π = (1/4, 1/8, 5/8): P_e = 15/32 → κ = (3/4 − 15/32)/(17/32) = 9/17
    expect(correctness.fleissKappa).toBeCloseTo(9 / 17, 12);
    // AC1 p_e = ½(3/16 + 7/64 + 15/64) = 17/64 → (48 − 17)/(64 − 17) = 31/47
    expect(correctness.gwetAC1).toBeCloseTo(31 / 47, 12);
    // n_c: −1:3 0:1 1:3 2:2, n = 9; the only disagreement is u3's 0–1 pair (o = 1 each way)
    expect(correctness.krippendorffAlpha.nominal).toBeCloseTo(1 - (8 * 2) / (81 - 23), 12);
    // Σx = 4, Σx² = 14: Σ n_c n_k δ² = 2·9·14 − 2·16 = 220 → α = 1 − 8·2/220 = 51/55
    expect(correctness.krippendorffAlpha.interval).toBeCloseTo(51 / 55, 12);
  });

  it("uses binary values as categories and ignores values off the scale", () => {
    // u1 [1,1,0] → P = 2/6, u2 [1,1] → 1 (r3's 7 is not binary) → p_a = 2/3
    expect(report.aspects.compiles.percentAgreement).toBeCloseTo(2 / 3, 12);
  });
});

describe("buildAgreementReport: raters", () => {
  const byRater = Object.fromEntries(report.raters.map((r) => [r.rater, r]));

  it("lists raters in id order, including one who only skipped", () => {
    expect(report.raters.map((r) => r.rater)).toEqual(["r1", "r2", "r3", "r4"]);
    expect(byRater.r4).toMatchObject({ judgments: 0, skipRate: 1, leftRate: null, reliability: null, goldAccuracy: null });
  });

  it("computes r1's numbers", () => {
    expect(byRater.r1).toMatchObject({
      judgments: 4,
      agreementWithOthers: 1 / 3, // u1 agrees (others: first), u2 tie vs second, u3 second vs first; u4 alone
      goldAccuracy: 0.5,
      leftRate: 1, // three left wins, one tie
      leftPValue: expect.closeTo(0.25, 12), // 2 × (1/2)³
      medianSeconds: 25, // 10 20 30 40
      tieRate: 0.25,
      bothBadRate: 0,
      lengthBias: 1,
      perDay: 2, // 4 judgments on days 1 and 3
      skipRate: 0.2, // 1 skip / (1 + 4)
    });
  });

  it("computes r2's numbers, leaving the both-bad judgment out of agreement and ties", () => {
    expect(byRater.r2).toMatchObject({
      judgments: 4,
      agreementWithOthers: 0.5, // u1 agrees, u2 others split tie/second (skipped), u3 disagrees
      goldAccuracy: null,
      leftRate: 0.5,
      leftPValue: 1,
      medianSeconds: 60, // 15 60 90; one judgment untimed
      tieRate: 0, // −3, 1, −1
      bothBadRate: 0.25,
      lengthBias: 0,
      skipRate: 0,
    });
    expect(byRater.r2.perDay).toBeCloseTo(4 / 3, 12);
  });

  it("computes r3's numbers", () => {
    expect(byRater.r3).toMatchObject({
      judgments: 3,
      agreementWithOthers: 1, // u1 agrees; u2 others split; u5 has no other valid judgment
      leftRate: 1 / 3,
      leftPValue: 1,
      medianSeconds: 45,
      tieRate: 0,
      lengthBias: null,
      perDay: 1.5,
    });
  });

  it("gives every rater with judgments a Dawid–Skene reliability in [0, 1]", () => {
    for (const rater of ["r1", "r2", "r3"]) {
      expect(byRater[rater].reliability).toBeGreaterThanOrEqual(0);
      expect(byRater[rater].reliability).toBeLessThanOrEqual(1);
    }
  });
});

describe("buildAgreementReport: edge cases", () => {
  it("adds ci95 for every statistic when bootstrapping, deterministically", () => {
    const options = { judgments, aspectScales: { correctness: "pairwise7" as const }, bootstrap: { iterations: 200, seed: 9 } };
    const first = buildAgreementReport(options);
    expect(buildAgreementReport(options)).toEqual(first);
    const [lo, hi] = first.overall.ci95?.percentAgreement as [number, number];
    expect(lo).toBeLessThanOrEqual(first.overall.percentAgreement as number);
    expect(hi).toBeGreaterThanOrEqual(first.overall.percentAgreement as number);
    expect(Object.keys(first.aspects.correctness.ci95 ?? {})).toEqual(["percentAgreement", "krippendorffAlpha", "fleissKappa", "gwetAC1"]);
  });

  it("returns nulls, never NaN, for data with nothing to compare", () => {
    const lonely = buildAgreementReport({
      judgments: [judgment("a", "x", 1), judgment("b", "y", null, { aspects: { style: 3 } })],
      aspectScales: { style: "likert5" },
      bootstrap: { iterations: 50, seed: 1 },
    });
    expect(lonely.overall).toMatchObject({ percentAgreement: null, fleissKappa: null, gwetAC1: null });
    expect(lonely.overall.krippendorffAlpha).toEqual({ nominal: null, ordinal: null, interval: null });
    expect(lonely.raters[0]).toMatchObject({ agreementWithOthers: null, leftRate: null, leftPValue: null, medianSeconds: null, skipRate: null });
    expect(lonely.raters[0].goldAccuracy).toBeUndefined();
    expect(JSON.stringify(lonely)).not.toMatch(/NaN|Infinity/);
    expect(JSON.parse(JSON.stringify(lonely))).toEqual(lonely);
  });

  it("reads skip counts from own keys only", () => {
    const odd = buildAgreementReport({ judgments: [judgment("a", "constructor", 1)], aspectScales: {}, skipsByRater: { other: 2 } });
    expect(odd.raters.map((r) => [r.rater, r.skipRate])).toEqual([["constructor", 0], ["other", 1]]);
  });

  it("handles no judgments at all", () => {
    const empty = buildAgreementReport({ judgments: [], aspectScales: {} });
    expect(empty).toMatchObject({ judgments: 0, units: 0, raters: [], aspects: {} });
    expect(empty.overall.percentAgreement).toBeNull();
  });

  it("rates likert5 aspects on the 1..5 values", () => {
    const likert = buildAgreementReport({
      judgments: [
        judgment("p", "x", null, { aspects: { style: 4 } }),
        judgment("p", "y", null, { aspects: { style: 4 } }),
        judgment("q", "x", null, { aspects: { style: 2 } }),
        judgment("q", "y", null, { aspects: { style: 5 } }),
      ],
      aspectScales: { style: "likert5" },
    });
    // p agrees, q does not
    expect(likert.aspects.style.percentAgreement).toBe(0.5);
    // n_c: 2:1 4:2 5:1, n = 4; only q's 2–5 pair disagrees: D_o ∝ 2·9, D_e ∝ 2(1·2·4 + 1·1·9 + 2·1·1)
    expect(likert.aspects.style.krippendorffAlpha.interval).toBeCloseTo(1 - (3 * 18) / 38, 12);
  });
});
