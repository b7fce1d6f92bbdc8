import { describe, expect, it } from "vitest";
import { findLabelsToReach } from "./find-labels-to-reach";

const curve = [
  { labels: 0, tau: 0 },
  { labels: 100, tau: 0.4 },
  { labels: 200, tau: 0.5 },
  { labels: 300, tau: 0.7 },
];

describe("findLabelsToReach", () => {
  it("interpolates between the straddling checkpoints", () => {
    // 0.6 lies halfway from 0.5 (200) to 0.7 (300) → 250.
    expect(findLabelsToReach(curve, 0.6)).toBeCloseTo(250, 12);
  });

  it("returns the first point when it already meets the target", () => {
    expect(findLabelsToReach([{ labels: 0, tau: 0.45 }], 0.4)).toBe(0);
  });

  it("uses the first crossing even if the curve dips later", () => {
    expect(findLabelsToReach([...curve, { labels: 400, tau: 0.55 }, { labels: 500, tau: 0.8 }], 0.6)).toBeCloseTo(250, 12);
  });

  it("returns null when the target is never reached", () => {
    expect(findLabelsToReach(curve, 0.9)).toBeNull();
  });
});
