/**
 * One CSV line (RFC 4180, CRLF). A text cell that a spreadsheet would run as a formula (starting
 * with =, +, -, @, tab or CR) is prefixed with an apostrophe, so an exported description cannot
 * become a formula in the planner's spreadsheet.
 */
export function csvLine(values: ReadonlyArray<string | number | null | undefined>): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A table of rows as CSV text with a header line. */
export function toCsv<T extends Record<string, string | number | null>>(
  columns: ReadonlyArray<keyof T & string>,
  rows: readonly T[],
): string {
  return csvLine(columns) + rows.map((row) => csvLine(columns.map((c) => row[c]))).join("");
}
