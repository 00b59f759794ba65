import "server-only";
import type { Database } from "../../db/client";
import type { Locale } from "../i18n/config";
import { checkRows, loadCategories } from "./check-rows";
import { IMPORT_BATCH_SIZE, type ColumnMapping } from "./import-schema";
import type { ParsedCsv } from "./parse-csv";

export type ImportRowError = {
  row: number;
  messageKey: string;
  values?: Record<string, string | number>;
  raw: string[];
};

/** Checks every row as the import would, without writing anything: how many would go in, and why the others would not. */
export async function dryRunImport(input: {
  db: Database;
  municipalityId: number;
  csv: ParsedCsv;
  mapping: ColumnMapping;
  locale: Locale;
  now?: Date;
}): Promise<{ total: number; valid: number; errors: ImportRowError[] }> {
  const now = input.now ?? new Date();
  const categories = await loadCategories(input.db, input.municipalityId);
  const geocodeCache = new Map<string, [number, number] | null>();
  const errors: ImportRowError[] = [];
  let valid = 0;
  for (let start = 0; start < input.csv.rows.length; start += IMPORT_BATCH_SIZE) {
    const checked = await checkRows({
      db: input.db,
      municipalityId: input.municipalityId,
      header: input.csv.header,
      rows: input.csv.rows.slice(start, start + IMPORT_BATCH_SIZE),
      firstRowNumber: start + 2,
      mapping: input.mapping,
      categories,
      locale: input.locale,
      now,
      geocodeCache,
    });
    for (const row of checked) {
      if (row.ok) valid++;
      else
        errors.push({
          row: row.rowNumber,
          messageKey: row.problem.messageKey,
          values: row.problem.values,
          raw: row.raw,
        });
    }
  }
  return { total: input.csv.rows.length, valid, errors };
}
