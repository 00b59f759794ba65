import type { ImportRowError } from "./dry-run-import";

function cell(value: string): string {
  // Spreadsheet formulas are defused, as in the analytics export.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The rows that failed, as the original columns plus the line number and the reason, to fix and import again. */
export function buildErrorCsv(input: {
  header: string[];
  errors: ImportRowError[];
  describe: (error: ImportRowError) => string;
}): string {
  const lines = [[...input.header, "line", "error"].map(cell).join(",")];
  for (const error of input.errors)
    lines.push(
      [...input.header.map((_, i) => error.raw[i] ?? ""), String(error.row), input.describe(error)]
        .map(cell)
        .join(","),
    );
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
