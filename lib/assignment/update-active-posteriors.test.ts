import { describe, expect, it } from "vitest";
import { pairPriority, updatePosterior } from "@/lib/sampling";
import { SERVING_BETA, SERVING_KAPPA } from "@/lib/ranking/serving-settings";
import { planPosteriorUpdate } from "./update-active-posteriors";

const responses = [
  { id: "r0", mu: 0.4, sigma2: 0.8 },
  { id: "r1", mu: -0.2, sigma2: 1 },
  { id: "r2", mu: 0.1, sigma2: 0.5 },
  { id: "r3", mu: 0, sigma2: 1 },
];

describe("planPosteriorUpdate", () => {
  it("moves the two judged posteriors and keys the 2K − 3 touched pairs by unit id, matching a unit either way round", () => {
    // u02 was imported as (r2, r0): it still receives the (r0, r2) gain; (r2, r3) is untouched by a judgment of r0 vs r1
    const units = [
      { id: "u01", a: "r0", b: "r1" }, { id: "u02", a: "r2", b: "r0" }, { id: "u03", a: "r0", b: "r3" },
      { id: "u12", a: "r1", b: "r2" }, { id: "u13", a: "r1", b: "r3" }, { id: "u23", a: "r2", b: "r3" },
    ];
    const plan = planPosteriorUpdate({ responses, units, responseA: "r0", responseB: "r1", canonicalPreference: -2 })!;
    const updated = updatePosterior({ i: { mean: 0.4, variance: 0.8 }, j: { mean: -0.2, variance: 1 }, outcome: 1, beta: SERVING_BETA, kappa: SERVING_KAPPA });
    expect(plan.ids).toEqual(["r0", "r1"]);
    expect(plan.after.mu).toEqual([updated.i.mean, updated.j.mean]);
    expect(plan.after.sigma2).toEqual([updated.i.variance, updated.j.variance]);

    const after = new Map([["r0", updated.i], ["r1", updated.j], ["r2", { mean: 0.1, variance: 0.5 }], ["r3", { mean: 0, variance: 1 }]]);
    const gainOf = (x: string, y: string) => pairPriority({ i: after.get(x)!, j: after.get(y)!, beta: SERVING_BETA });
    const byUnit = new Map(plan.units.ids.map((id, k) => [id, plan.units.gain[k]]));
    expect([...byUnit.keys()].sort()).toEqual(["u01", "u02", "u03", "u12", "u13"]);
    expect(byUnit.get("u01")).toBeCloseTo(gainOf("r0", "r1"), 12);
    expect(byUnit.get("u02")).toBeCloseTo(gainOf("r0", "r2"), 12);
    expect(byUnit.get("u13")).toBeCloseTo(gainOf("r1", "r3"), 12);
  });

  it("leaves out a touched pair that has no unit, and answers null for a response not in the item", () => {
    const plan = planPosteriorUpdate({ responses, units: [{ id: "u01", a: "r0", b: "r1" }], responseA: "r0", responseB: "r1", canonicalPreference: 1 })!;
    expect(plan.units.ids).toEqual(["u01"]);
    expect(planPosteriorUpdate({ responses, units: [], responseA: "r0", responseB: "rX", canonicalPreference: 1 })).toBeNull();
  });
});
