import { describe, expect, it } from "vitest";
import { createRng } from "./create-rng";
import { fitLeaderboard, type ModelComparison } from "./fit-leaderboard";

const repeat = (c: ModelComparison, n: number) => Array.from({ length: n }, () => c);

describe("fitLeaderboard", () => {
  it("matches the hand-worked two-model case", () => {
    // 3 wins of 4 → ±ln3/2 = ±0.5493061, sd √(1/3) = 0.5773503 (see fitBradleyTerry),
    // interval ±1.959964·0.5773503 = ±1.1315857 around the score.
    const board = fitLeaderboard({
      comparisons: [...repeat({ modelI: "b", modelJ: "a", outcome: 1 }, 3), { modelI: "a", modelJ: "b", outcome: 1 }],
      ridge: 1e-9,
    });
    expect(board.map((e) => e.model)).toEqual(["b", "a"]);
    expect(board[0].score).toBeCloseTo(0.5493061, 5);
    expect(board[0].lower).toBeCloseTo(0.5493061 - 1.1315857, 5);
    expect(board[0].upper).toBeCloseTo(0.5493061 + 1.1315857, 5);
    expect(board[0].judgments).toBe(4);
    expect(board.map((e) => e.rank)).toEqual([1, 2]);
  });

  it("orders models by strength, pooling comparisons across items", () => {
    const strength: Record<string, number> = { weak: -1, mid: 0, strong: 1.2 };
    const random = createRng(9);
    const names = Object.keys(strength);
    const comparisons: ModelComparison[] = [];
    for (let n = 0; n < 600; n++) {
      const modelI = names[Math.floor(random() * 3)];
      const modelJ = names[Math.floor(random() * 3)];
      const p = 1 / (1 + Math.exp(-(strength[modelI] - strength[modelJ])));
      comparisons.push({ modelI, modelJ, outcome: random() < p ? 1 : 0 });
    }
    const board = fitLeaderboard({ comparisons });
    expect(board.map((e) => e.model)).toEqual(["strong", "mid", "weak"]);
    for (const e of board) {
      expect(e.lower).toBeLessThan(e.score);
      expect(e.upper).toBeGreaterThan(e.score);
    }
  });

  it("ignores comparisons between two responses of one model", () => {
    const board = fitLeaderboard({ comparisons: [{ modelI: "a", modelJ: "a", outcome: 1 }, { modelI: "a", modelJ: "b", outcome: 1 }] });
    expect(board.find((e) => e.model === "a")?.judgments).toBe(1);
    expect(fitLeaderboard({ comparisons: [{ modelI: "a", modelJ: "a", outcome: 1 }] })).toEqual([]);
  });

  it("gives reproducible bootstrap intervals close to the Hessian ones", () => {
    const comparisons = [
      ...repeat({ modelI: "a", modelJ: "b", outcome: 1 }, 30),
      ...repeat({ modelI: "b", modelJ: "a", outcome: 1 }, 20),
      ...repeat({ modelI: "a", modelJ: "b", outcome: 0.5 }, 10),
    ];
    const first = fitLeaderboard({ comparisons, bootstrap: { rounds: 300, seed: 4 } });
    const again = fitLeaderboard({ comparisons, bootstrap: { rounds: 300, seed: 4 } });
    const hessian = fitLeaderboard({ comparisons });
    expect(again).toEqual(first);
    expect(first[0].sd).toBeGreaterThan(0.7 * hessian[0].sd);
    expect(first[0].sd).toBeLessThan(1.3 * hessian[0].sd);
    expect(first[0].lower).toBeLessThan(first[0].score);
  });
});
