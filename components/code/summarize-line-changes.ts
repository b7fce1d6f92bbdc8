// What the diff view's summary bar says: how many changed regions Monaco found and how many lines
// each side has in them. Monaco marks a side with no lines in a region by an end line of 0.
export type TLineChange = {
  originalStartLineNumber: number;
  originalEndLineNumber: number;
  modifiedStartLineNumber: number;
  modifiedEndLineNumber: number;
};
export type TDiffSummary = { regions: number; added: number; removed: number };

export function summarizeLineChanges(changes: readonly TLineChange[] | null): TDiffSummary | null {
  if (!changes) return null;
  const span = (start: number, end: number) => (end > 0 ? end - start + 1 : 0);
  return {
    regions: changes.length,
    added: changes.reduce((n, c) => n + span(c.modifiedStartLineNumber, c.modifiedEndLineNumber), 0),
    removed: changes.reduce((n, c) => n + span(c.originalStartLineNumber, c.originalEndLineNumber), 0),
  };
}
