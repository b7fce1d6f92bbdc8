import { createHash } from "node:crypto";
import type { TExportSplit } from "./schemas";

/**
 * Split of one prompt: the first 52 bits of sha256(itemId) as a fraction in [0, 1), "test" when
 * below testShare. Depends on the item id alone, so a re-export (or more data) keeps every prompt
 * in its split; and raising testShare only moves prompts from train to test, never back.
 */
export function assignSplit({ itemId, testShare }: { itemId: string; testShare: number }): "train" | "test" {
  const digest = createHash("sha256").update(itemId, "utf8").digest();
  const fraction = (digest.readUInt32BE(0) * 2 ** 20 + (digest.readUInt32BE(4) >>> 12)) / 2 ** 52;
  return fraction < testShare ? "test" : "train";
}

export function isInSplit({ itemId, split, testShare }: { itemId: string; split: TExportSplit; testShare: number }): boolean {
  return split === "all" || assignSplit({ itemId, testShare }) === split;
}
