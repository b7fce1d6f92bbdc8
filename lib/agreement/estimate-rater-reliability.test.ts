import { describe, expect, it } from "vitest";
import { mulberry32 } from "./bootstrap";
import { estimateRaterReliability } from "./estimate-rater-reliability";
import { fitDawidSkene } from "./fit-dawid-skene";
import { groupLabelsByUnit } from "./group-labels-by-unit";

// 45,000 units × 4 labels = 180,000 labels: past the subsample threshold
function syntheticWinners() {
  const random = mulberry32(8);
  const unitOf: number[] = [];
  const raterOf: number[] = [];
  const labels: number[] = [];
  for (let u = 0; u < 45_000; u++) {
    const truth = Math.floor(random() * 3);
    const first = Math.floor(random() * 20);
    for (let k = 0; k < 4; k++) {
      const rater = (first + k * 3) % 20;
      const isGuess = rater === 19 || random() > 0.8;
      unitOf.push(u);
      raterOf.push(rater);
      labels.push(isGuess ? Math.floor(random() * 3) : truth);
    }
  }
  return groupLabelsByUnit({ unitOf: Int32Array.from(unitOf), raterOf: Int32Array.from(raterOf), labels: Int8Array.from(labels), unitCount: 45_000 });
}

describe("estimateRaterReliability", () => {
  it("stays close to a full Dawid–Skene fit when it fits a subsample first", () => {
    const grouped = syntheticWinners();
    const estimate = estimateRaterReliability({ grouped, raterCount: 20, categoryCount: 3 }) as number[];
    const full = fitDawidSkene({ ...grouped, classCount: 3, raterCount: 20, maxIterations: 200 }).reliability as number[];
    for (let r = 0; r < 20; r++) expect(Math.abs(estimate[r] - full[r])).toBeLessThan(0.02);
    expect(estimate[19]).toBeLessThan(0.45);
    expect(Math.min(...estimate.slice(0, 19))).toBeGreaterThan(0.75);
  });
});
