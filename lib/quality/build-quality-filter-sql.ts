import type { TQualityFilter } from "./schemas";

/**
 * The filter as SQL conditions on `j` (judgments). Placeholders continue from `values.length`,
 * so the caller can bind the project id first.
 */
export function buildQualityFilterSql({ filter, values }: { filter: TQualityFilter; values: unknown[] }): string {
  const bind = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  let sql = "";
  if (filter.from) sql += ` AND j.created_at >= ${bind(filter.from)}`;
  if (filter.before) sql += ` AND j.created_at < ${bind(filter.before)}`;
  if (filter.rubricVersion !== null) sql += ` AND j.rubric_version = ${bind(filter.rubricVersion)}`;
  return sql;
}

/** A stable text form of the filter, for cache keys and CSV file names. */
export function describeQualityFilter(filter: TQualityFilter): string {
  return [filter.from?.toISOString() ?? "", filter.before?.toISOString() ?? "", filter.rubricVersion ?? ""].join("|");
}
