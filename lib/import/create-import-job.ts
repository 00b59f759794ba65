import "server-only";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { AppError } from "../errors";
import { columnMappingSchema } from "./import-schema";
import { parseCsv } from "./parse-csv";

/** Records an import: the file, its mapping and its row count. Nothing is imported until it runs. */
export async function createImportJob(input: {
  db: Database;
  municipalityId: number;
  userId: number | null;
  fileName: string;
  csv: string;
  mapping: unknown;
}): Promise<{ id: number; totalRows: number }> {
  const mapping = columnMappingSchema.parse(input.mapping);
  const parsed = parseCsv(input.csv);
  for (const column of Object.values(mapping)) {
    if (column && !parsed.header.includes(column))
      throw new AppError({ code: "unprocessable", messageKey: "importUnknownColumn", details: { column } });
  }
  const [job] = await input.db
    .insert(t.reportImports)
    .values({
      municipalityId: input.municipalityId,
      createdBy: input.userId,
      fileName: input.fileName.slice(0, 255),
      csv: input.csv,
      mapping,
      totalRows: parsed.rows.length,
    })
    .returning({ id: t.reportImports.id, totalRows: t.reportImports.totalRows });
  return job!;
}
