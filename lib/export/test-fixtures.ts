import { ZExportParams, type TExportParams, type TExportParamsInput } from "./schemas";
import type { TExportItem, TExportJudgment, TExportResponse } from "./types";

let counter = 0;

/** A pairwise judgment on [a, b]; `s` is canonical (negative = a better), "bad" = both bad. */
export function vote(rater: string, a: string, b: string, s: number | "bad", extra: Partial<TExportJudgment> = {}): TExportJudgment {
  counter++;
  return {
    judgmentId: `j${counter}`,
    rater,
    unitResponses: [a, b],
    slotOrder: [b, a],
    preference: s === "bad" ? null : s,
    bothBad: s === "bad",
    aspects: {},
    ratings: null,
    ranking: null,
    rationale: null,
    comments: [],
    confidence: null,
    activeSeconds: null,
    rubricVersion: 1,
    propensity: 1,
    createdAt: "2025-03-01T12:00:00.000Z",
    ...extra,
  };
}

export function response(id: string, position: number, content: string, extra: Partial<TExportResponse> = {}): TExportResponse {
  return { id, model: `model-${id}`, content, position, ...extra };
}

/**
 * The designed project. two-sum pairs: (r1,r2) 2 of 3 for r1, mean −4/3; (r1,r3) 1–1 split;
 * (r2,r3) two ties of three; (r1,r4) identical after whitespace; (r3,r4) two both-bad of three.
 * fizz-buzz: s2 over s1 by all three (one judgment shown in the other orientation), mean 8/3.
 * rev-list: one for t1, one tie, one both-bad → as many both-bad as agreeing votes. small-gap:
 * 2 of 3 for v1 but mean −1/3.
 */
export function designedItems(): TExportItem[] {
  return [
    {
      itemId: "two-sum",
      prompt: "Return indices of two numbers adding to target.",
      language: "python",
      tests: "assert two_sum([2,7], 9) == [0, 1]",
      responses: [
        response("r1", 0, "def two_sum(a, t):\n    return [0, 1]", { testsPassed: 5, testsTotal: 5 }),
        response("r2", 1, "def two_sum(a, t): pass", { testsPassed: 3, testsTotal: 5 }),
        response("r3", 2, "print('hi')"),
        response("r4", 3, "def two_sum(a,  t):\n\n    return [0, 1]  "),
      ],
      judgments: [
        vote("u1", "r1", "r2", -3, { aspects: { correctness: 2 } }),
        vote("u2", "r1", "r2", -2, { aspects: { correctness: 2 } }),
        vote("u3", "r1", "r2", 1, { aspects: { correctness: 1 } }),
        vote("u1", "r1", "r3", -2),
        vote("u2", "r1", "r3", 2),
        vote("u1", "r2", "r3", 0),
        vote("u2", "r2", "r3", 0),
        vote("u3", "r2", "r3", 2),
        vote("u1", "r1", "r4", -3),
        vote("u2", "r1", "r4", -3),
        vote("u1", "r3", "r4", "bad"),
        vote("u2", "r3", "r4", "bad"),
        vote("u3", "r3", "r4", 3),
      ],
    },
    {
      itemId: "fizz-buzz",
      prompt: "Print fizz buzz.",
      language: "python",
      responses: [response("s1", 0, "for i in range(100): print(i)"), response("s2", 1, "fizzbuzz()")],
      judgments: [vote("u1", "s1", "s2", 3), vote("u2", "s1", "s2", 3), vote("u3", "s2", "s1", -2)],
    },
    {
      itemId: "rev-list",
      prompt: "Reverse a list.",
      language: "python",
      responses: [response("t1", 0, "a[::-1]"), response("t2", 1, "reversed(a)")],
      judgments: [vote("u1", "t1", "t2", -2), vote("u2", "t1", "t2", "bad"), vote("u3", "t1", "t2", 0)],
    },
    {
      itemId: "small-gap",
      prompt: "Sum a list.",
      language: "python",
      responses: [response("v1", 0, "sum(a)"), response("v2", 1, "reduce(add, a)")],
      judgments: [vote("u1", "v1", "v2", -1), vote("u2", "v1", "v2", -1), vote("u3", "v1", "v2", 1)],
    },
  ];
}

export function ratedItem(): TExportItem {
  const rate = (rater: string, id: string, values: Record<string, number>) =>
    vote(rater, id, id, 0, { unitResponses: [id], slotOrder: [id], preference: null, ratings: { [id]: values } });
  return {
    itemId: "rate-me",
    prompt: "Parse a date.",
    language: "python",
    responses: [response("q1", 0, "dateutil.parse(s)"), response("q2", 1, "s.split('-')")],
    judgments: [rate("u1", "q1", { correctness: 4, readability: 3 }), rate("u2", "q1", { correctness: 2 }), rate("u1", "q2", { correctness: 1, readability: 1 })],
  };
}

export function params(input: TExportParamsInput = {}): TExportParams {
  return ZExportParams.parse(input);
}

export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of source) out.push(x);
  return out;
}

export async function collectBytes(source: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts = await collect(source);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
