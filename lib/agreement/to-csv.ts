export type TCsvCell = string | number | boolean | Date | null | undefined;

// Spreadsheet apps run a cell starting with one of these as a formula; rater names and item ids
// come from users, so text cells get a leading apostrophe (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function formatCell(cell: TCsvCell, guardFormulas: boolean): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (typeof cell === "boolean") return cell ? "true" : "false";
  let text = cell instanceof Date ? cell.toISOString() : cell;
  if (guardFormulas && typeof cell === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV: CRLF after every record, fields with a comma, quote or line break wrapped in
 * quotes with quotes doubled. null/undefined and non-finite numbers become empty fields.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<TCsvCell>>, { guardFormulas = true }: { guardFormulas?: boolean } = {}): string {
  let out = "";
  for (const row of rows) out += row.map((cell) => formatCell(cell, guardFormulas)).join(",") + "\r\n";
  return out;
}
