import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { AppError } from "../errors";
import type { ImportRowError } from "./dry-run-import";
import { parseCsv } from "./parse-csv";
import { progressOf, type ImportProgress } from "./run-import-job";

type WithErrors = ImportProgress & { header: string[]; errors: ImportRowError[] };

/** An import of one of the admin's municipalities, with its failed rows when asked. */
export async function getImportJob(input: {
  db: Database;
  id: number;
  municipalityIds: readonly number[];
  withErrors: true;
}): Promise<WithErrors>;
export async function getImportJob(input: {
  db: Database;
  id: number;
  municipalityIds: readonly number[];
  withErrors?: false;
}): Promise<ImportProgress>;
export async function getImportJob(input: {
  db: Database;
  id: number;
  municipalityIds: readonly number[];
  withErrors?: boolean;
}): Promise<ImportProgress | WithErrors> {
  if (!Number.isInteger(input.id)) throw new AppError({ code: "not_found", messageKey: "importNotFound" });
  const [job] = await input.db.select().from(t.reportImports).where(eq(t.reportImports.id, input.id));
  if (!job || !input.municipalityIds.includes(job.municipalityId))
    throw new AppError({ code: "not_found", messageKey: "importNotFound" });
  if (!input.withErrors) return progressOf(job);
  return { ...progressOf(job), header: parseCsv(job.csv).header, errors: job.errors as ImportRowError[] };
}
