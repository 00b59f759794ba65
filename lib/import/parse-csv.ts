import { parse } from "csv-parse/sync";
import { AppError } from "../errors";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "./import-schema";

export type ParsedCsv = { header: string[]; rows: string[][] };

/**
 * Reads a CSV export (comma or semicolon separated, as spreadsheet programs in Serbia write it;
 * UTF-8 with or without BOM). Every row is kept as text; the header names the columns.
 */
export function parseCsv(text: string): ParsedCsv {
  if (Buffer.byteLength(text, "utf8") > MAX_IMPORT_BYTES)
    throw new AppError({
      code: "payload_too_large",
      messageKey: "importTooLarge",
      details: { maxMb: MAX_IMPORT_BYTES / 1024 / 1024 },
    });
  const firstLine = text.slice(0, text.indexOf("\n") === -1 ? text.length : text.indexOf("\n"));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new AppError({
      code: "unprocessable",
      messageKey: "importMalformedCsv",
      details: { line: line ?? 0 },
    });
  }
  const [header, ...rows] = records;
  if (!header || header.length === 0)
    throw new AppError({ code: "unprocessable", messageKey: "importEmpty" });
  if (rows.length > MAX_IMPORT_ROWS)
    throw new AppError({
      code: "unprocessable",
      messageKey: "importTooManyRows",
      details: { max: MAX_IMPORT_ROWS },
    });
  return { header, rows };
}
