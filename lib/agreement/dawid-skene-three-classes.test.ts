import { describe, expect, it } from "vitest";
import { mulberry32 } from "./bootstrap";
import { confusionCells, expectThreeClasses, maximizeThreeClasses } from "./dawid-skene-three-classes";
import { expectAnyClasses, maximizeAnyClasses, type TEmState } from "./fit-dawid-skene";

// Units of 1–12 labels from 7 raters, with one long unit whose running product underflows.
function randomState(seed: number): TEmState {
  const random = mulberry32(seed);
  const sizes = Array.from({ length: 400 }, () => 1 + Math.floor(random() * 12));
  sizes.push(700);
  const unitStart = new Int32Array(sizes.length + 1);
  sizes.forEach((size, u) => (unitStart[u + 1] = unitStart[u] + size));
  const count = unitStart[sizes.length];
  const raters = Int32Array.from({ length: count }, () => Math.floor(random() * 7));
  const labels = Int32Array.from({ length: count }, () => Math.floor(random() * 3));
  const posteriors = Float64Array.from({ length: sizes.length * 3 }, () => random());
  return { unitStart, raters, labels, K: 3, U: sizes.length, R: 7, smoothing: 0.01, posteriors, priors: new Float64Array(3), confusion: new Float64Array(7 * 9) };
}

const copy = (s: TEmState): TEmState => ({ ...s, posteriors: s.posteriors.slice(), priors: s.priors.slice(), confusion: s.confusion.slice() });

describe("Dawid–Skene EM steps for three classes", () => {
  it("are bit-identical to the steps for any number of classes, round after round", () => {
    for (const seed of [1, 2, 3]) {
      const generic = randomState(seed);
      const special = copy(generic);
      const grouped = { unitStart: special.unitStart, cells: confusionCells(special.raters, special.labels) };
      for (let round = 0; round < 5; round++) {
        maximizeAnyClasses(generic);
        maximizeThreeClasses(grouped, special);
        expect(Array.from(special.priors)).toEqual(Array.from(generic.priors));
        expect(Array.from(special.confusion)).toEqual(Array.from(generic.confusion));
        const logLikelihood = expectAnyClasses(generic);
        expect(expectThreeClasses(grouped, special)).toBe(logLikelihood);
        expect(Array.from(special.posteriors)).toEqual(Array.from(generic.posteriors));
      }
    }
  });
});
