import "server-only";
import { getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { recordAudit } from "@/lib/audit/record-audit";
import { GOLD_TARGET } from "./write-item-batch";
import { ZItemGoldInput, type TGold, type TItemGoldInput } from "./schemas";

export type TSetGoldResult = { itemId: string; gold: TGold | null; goldUnitId: string | null };

// Sets (or clears) a pairwise item's expected answer. The gold is stored in the item's own
// orientation (responses[0] is the one listed earlier, negative preference = it is better), the
// matching unit becomes the gold unit, and any other unit of the item that was gold goes back to
// an ordinary target of overlap + its escalations, with `open` recomputed alongside.
export async function setItemGold(opts: { projectId: string; input: TItemGoldInput; actorId: string }): Promise<TSetGoldResult> {
  const input = ZItemGoldInput.parse(opts.input);
  const client = await getPool().connect();
  let result: TSetGoldResult;
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: string; mode: string; overlap: number }>(
      `SELECT i.id, p.mode, p.overlap FROM items i JOIN projects p ON p.id = i.project_id
        WHERE i.project_id = $1 AND i.external_id = $2 AND p.archived_at IS NULL FOR UPDATE OF i`,
      [opts.projectId, input.itemId],
    );
    const item = rows[0];
    if (!item) throw new AppError("not_found", `No item ${input.itemId} in this project`);
    if (item.mode !== "pairwise") throw new AppError("invalid_input", "Gold pairs can be set from here only in pairwise projects");

    let gold: TGold | null = null;
    let goldUnitId: string | null = null;
    if (input.gold) {
      const [first, second] = input.gold.responses;
      if (first === second) throw new AppError("invalid_input", "Choose two different responses");
      const responses = await client.query<{ id: string; external_id: string; position: number }>(
        "SELECT id, external_id, position FROM responses WHERE item_id = $1 AND external_id = ANY($2::text[])",
        [item.id, [first, second]],
      );
      const byExternal = new Map(responses.rows.map((r) => [r.external_id, r]));
      const a = byExternal.get(first);
      const b = byExternal.get(second);
      if (!a || !b) throw new AppError("invalid_input", `Item ${input.itemId} has no response ${!a ? first : second}`);
      // flipping the pair flips the sign, so the stored gold always lists the earlier response first
      const isSwapped = a.position > b.position;
      const [earlier, later] = isSwapped ? [b, a] : [a, b];
      const preference = isSwapped ? -input.gold.preference : input.gold.preference;
      gold = { preference: preference === 0 ? 0 : preference, responses: [earlier.external_id, later.external_id] };
      const unit = await client.query<{ id: string }>(
        "SELECT id FROM units WHERE item_id = $1 AND response_a_id = $2 AND response_b_id = $3 FOR UPDATE",
        [item.id, earlier.id, later.id],
      );
      if (!unit.rows[0]) throw new AppError("conflict", "That pair has no unit; re-import the item");
      goldUnitId = unit.rows[0].id;
    }

    await client.query("UPDATE items SET gold = $2::jsonb, updated_at = now() WHERE id = $1", [item.id, gold ? JSON.stringify(gold) : null]);
    await client.query(
      `UPDATE units SET is_gold = false, target = $2 + escalations, open = judgment_count + lease_count < $2 + escalations
        WHERE item_id = $1 AND is_gold AND id IS DISTINCT FROM $3`,
      [item.id, item.overlap, goldUnitId],
    );
    if (goldUnitId) {
      await client.query(
        "UPDATE units SET is_gold = true, target = $2, open = judgment_count + lease_count < $2 WHERE id = $1",
        [goldUnitId, GOLD_TARGET],
      );
    }
    await client.query("COMMIT");
    result = { itemId: input.itemId, gold, goldUnitId };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  await recordAudit({
    actorId: opts.actorId,
    action: result.gold ? "item.gold.set" : "item.gold.clear",
    targetType: "item",
    targetId: result.itemId,
    details: { projectId: opts.projectId, gold: result.gold },
  });
  return result;
}
