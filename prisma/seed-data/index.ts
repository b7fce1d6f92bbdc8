import { goItems } from "./go";
import { pythonItems } from "./python";
import { sqlItems } from "./sql";
import { typescriptItems } from "./typescript";
import type { SeedItem } from "./types";

export type { SeedItem, SeedLanguage, SeedResponse } from "./types";
export { MODELS } from "./text";

/** Every demo item, grouped by language in a stable order. */
export const seedItems: SeedItem[] = [...pythonItems, ...typescriptItems, ...goItems, ...sqlItems];

/**
 * Throws (listing every problem found) if the seed data is inconsistent:
 * duplicate item or response ids, a response count outside 2..4, empty content, or
 * tests / scores / gold that reference responses the item doesn't have.
 */
export function validateSeedItems(items: readonly SeedItem[] = seedItems): void {
  const problems: string[] = [];
  const itemIds = new Set<string>();
  const responseIds = new Set<string>();

  for (const item of items) {
    if (itemIds.has(item.id)) problems.push(`duplicate item id "${item.id}"`);
    itemIds.add(item.id);

    const n = item.responses.length;
    if (n < 2 || n > 4) problems.push(`${item.id}: ${n} responses (expected 2..4)`);
    if (!item.prompt.trim()) problems.push(`${item.id}: empty prompt`);

    const own = new Set<string>();
    for (const response of item.responses) {
      if (own.has(response.id) || responseIds.has(response.id)) {
        problems.push(`${item.id}: duplicate response id "${response.id}"`);
      }
      own.add(response.id);
      responseIds.add(response.id);
      if (!response.content.trim()) problems.push(`${response.id}: empty content`);
      if (!response.model.trim()) problems.push(`${response.id}: missing model`);
    }

    for (const [id, result] of Object.entries(item.tests ?? {})) {
      if (!own.has(id)) problems.push(`${item.id}: tests reference unknown response "${id}"`);
      const { passed, total } = result;
      if (!Number.isInteger(passed) || !Number.isInteger(total) || passed < 0 || total < 1 || passed > total) {
        problems.push(`${item.id}: invalid test result for "${id}" (${passed}/${total})`);
      }
    }

    for (const [id, score] of Object.entries(item.scores ?? {})) {
      if (!own.has(id)) problems.push(`${item.id}: scores reference unknown response "${id}"`);
      if (!Number.isFinite(score)) problems.push(`${item.id}: non-finite score for "${id}"`);
    }

    if (item.gold) {
      const { preference, responses } = item.gold;
      for (const id of responses) {
        if (!own.has(id)) problems.push(`${item.id}: gold references unknown response "${id}"`);
      }
      if (responses[0] === responses[1]) problems.push(`${item.id}: gold compares a response with itself`);
      if (!Number.isInteger(preference) || preference < -3 || preference > 3) {
        problems.push(`${item.id}: gold preference ${preference} is not an integer in -3..3`);
      }
    }
  }

  if (problems.length > 0) {
    throw new Error(`Invalid seed data:\n  - ${problems.join("\n  - ")}`);
  }
}
