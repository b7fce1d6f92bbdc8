import { describe, expect, it } from "vitest";
import { pairPriority, updatePosterior } from "@/lib/sampling";
import { foldPendingJudgments } from "./fold-pending-judgments";
import { SERVING_BETA, SERVING_KAPPA } from "./serving-settings";

const flat = (id: string, itemId = "i1") => ({ id, itemId, mu: 0, sigma2: 1 });
const unit = (id: string, a: string, b: string, judgmentCount = 0, itemId = "i1") => ({ id, itemId, a, b, judgmentCount });

describe("foldPendingJudgments", () => {
  it("applies queued judgments in order, one Weng–Lin update each, as the online rule by hand", () => {
    const responses = [flat("r0"), flat("r1"), flat("r2")];
    const units = [unit("u01", "r0", "r1", 1), unit("u02", "r0", "r2", 1), unit("u12", "r1", "r2")];
    // r0 beats r1, then r2 beats r0 (pref > 0: b better)
    const out = foldPendingJudgments({ responses, units, judgments: [{ itemId: "i1", a: "r0", b: "r1", pref: -2 }, { itemId: "i1", a: "r0", b: "r2", pref: 1 }] });
    const first = updatePosterior({ i: { mean: 0, variance: 1 }, j: { mean: 0, variance: 1 }, outcome: 1, beta: SERVING_BETA, kappa: SERVING_KAPPA });
    const second = updatePosterior({ i: first.i, j: { mean: 0, variance: 1 }, outcome: 0, beta: SERVING_BETA, kappa: SERVING_KAPPA });
    const after = new Map(out.responses.ids.map((id, k) => [id, { mean: out.responses.mu[k], variance: out.responses.sigma2[k] }]));
    expect(after.get("r0")).toEqual(second.i);
    expect(after.get("r1")).toEqual(first.j);
    expect(after.get("r2")).toEqual(second.j);
    // the worked numbers: after the first update μ0 = −μ1 > 0, and r2's win pulls r0 back down
    expect(first.i.mean).toBeCloseTo(-first.j.mean, 12);
    expect(second.i.mean).toBeLessThan(first.i.mean);
    // every pair touches a moved response; the item has 2 labels
    const priority = new Map(out.units.ids.map((id, k) => [id, out.units.priority[k]]));
    expect(priority.get("u12")).toBeCloseTo(pairPriority({ i: first.j, j: second.j, beta: SERVING_BETA, labelsOnPrompt: 2 }), 12);
    expect(priority.get("u01")).toBeCloseTo(pairPriority({ i: second.i, j: first.j, beta: SERVING_BETA, labelsOnPrompt: 2 }), 12);
  });

  it("rescores only the pairs touching moved responses (2K − 3 for one judgment) and leaves other items alone", () => {
    const responses = [flat("r0"), flat("r1"), flat("r2"), flat("r3"), flat("s0", "i2"), flat("s1", "i2")];
    const units = [
      unit("u01", "r0", "r1"), unit("u02", "r0", "r2"), unit("u03", "r0", "r3"), unit("u12", "r1", "r2"), unit("u13", "r1", "r3"), unit("u23", "r2", "r3"),
      unit("v01", "s0", "s1", 0, "i2"),
    ];
    const out = foldPendingJudgments({ responses, units, judgments: [{ itemId: "i1", a: "r1", b: "r0", pref: 0 }] });
    expect(out.responses.ids.sort()).toEqual(["r0", "r1"]);
    expect(out.units.ids.sort()).toEqual(["u01", "u02", "u03", "u12", "u13"]);
  });

  it("skips a judgment whose responses are not loaded", () => {
    const out = foldPendingJudgments({ responses: [flat("r0")], units: [], judgments: [{ itemId: "i1", a: "r0", b: "rX", pref: -1 }] });
    expect(out).toEqual({ responses: { ids: [], mu: [], sigma2: [] }, units: { ids: [], priority: [] } });
  });
});
