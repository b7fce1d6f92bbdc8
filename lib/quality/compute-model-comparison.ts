import "server-only";
import { nameVoteUnits, type TPairVoteTable } from "./collect-pair-votes";
import type { TModelComparison } from "./compute-quality";
import { loadPairDetails } from "./load-pair-details";
import { loadPairGaps } from "./load-pair-gaps";
import type { TProjectMode } from "./load-quality-project";
import { loadScoreNames } from "./load-score-names";
import { DISAGREEMENT_RULE, scoreModelsAgainstHumans } from "./score-models-against-humans";

/** Every score set against the human votes, with the listed disagreements' items and responses. */
export async function computeModelComparison(opts: { projectId: string; mode: TProjectMode; votes: TPairVoteTable | null }): Promise<TModelComparison> {
  const base = { mode: opts.mode, disagreementRule: DISAGREEMENT_RULE };
  if (!opts.votes) return { ...base, pairsWithConsensus: 0, scoreSets: [], disagreements: [] };
  const scoreNames = await loadScoreNames({ projectId: opts.projectId });
  const pairs = await loadPairGaps({ projectId: opts.projectId, scoreNames });
  nameVoteUnits(opts.votes, pairs);
  const scored = scoreModelsAgainstHumans({ votes: opts.votes, pairs, scoreNames });
  const details = await loadPairDetails({ unitIds: [...new Set(scored.disagreements.map((d) => d.unit))] });
  const disagreements = scored.disagreements.flatMap((d) => {
    const found = details.get(d.unit);
    return found ? [{ ...d, ...found }] : [];
  });
  return { ...base, pairsWithConsensus: scored.pairsWithConsensus, scoreSets: scored.scoreSets, disagreements };
}
