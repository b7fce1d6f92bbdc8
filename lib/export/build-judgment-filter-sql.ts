import type { TJudgmentFilter } from "./filter-judgments";

export type TRaterFilter = {
  /** Users whose judgments are left out (flagged raters, when excludeFlagged). */
  excludedUsers: string[];
  /** When set, only these users' judgments count (goldPassingOnly). */
  onlyUsers: string[] | null;
};

/**
 * The export's judgment filters as SQL on `j` (judgments), so the database skips what the export
 * would drop. Placeholders continue from `values.length`; the pure filterJudgments applies the
 * same rules again on what comes back, so the two cannot disagree on what is kept.
 */
export function buildJudgmentFilterSql({ filter, raters, values }: { filter: TJudgmentFilter; raters: TRaterFilter; values: unknown[] }): string {
  const clauses: string[] = [];
  const bind = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  if (filter.from) clauses.push(`j.created_at >= ${bind(filter.from)}`);
  if (filter.to) clauses.push(`j.created_at <= ${bind(filter.to)}`);
  if (filter.rubricVersion !== undefined) clauses.push(`j.rubric_version = ${bind(filter.rubricVersion)}`);
  if (raters.excludedUsers.length) clauses.push(`j.user_id <> ALL(${bind(raters.excludedUsers)}::text[])`);
  if (raters.onlyUsers) clauses.push(`j.user_id = ANY(${bind(raters.onlyUsers)}::text[])`);
  return clauses.length ? clauses.map((c) => ` AND ${c}`).join("") : "";
}

/** Which users the rater filters name, from each rater's gold standing. */
export function buildRaterFilter({
  filter,
  standing,
}: {
  filter: Pick<TJudgmentFilter, "excludeFlagged" | "goldPassingOnly">;
  standing: Map<string, { passes: boolean }>;
}): TRaterFilter {
  const flagged = [...standing].filter(([, s]) => !s.passes).map(([user]) => user).sort();
  const passing = [...standing].filter(([, s]) => s.passes).map(([user]) => user).sort();
  return { excludedUsers: filter.excludeFlagged ? flagged : [], onlyUsers: filter.goldPassingOnly ? passing : null };
}
