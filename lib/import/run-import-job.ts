import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import * as t from "../../db/schema";
import { computeDueAt } from "../calendar/working-days";
import { AppError } from "../errors";
import type { Locale } from "../i18n/config";
import { cryptoRandom, makeTrackingCode } from "../reports/tracking-code";
import { routeReport } from "../routing/route-report";
import { loadCalendar } from "../workflow/load-calendar";
import { checkRows, loadCategories } from "./check-rows";
import type { ImportRowError } from "./dry-run-import";
import { columnMappingSchema, IMPORT_BATCH_SIZE } from "./import-schema";
import { parseCsv } from "./parse-csv";
import { transaction } from "../../db/transaction";

export type ImportProgress = {
  id: number;
  status: string;
  totalRows: number;
  nextRow: number;
  imported: number;
  skipped: number;
  failed: number;
  lastError: string | null;
};

/** How long a running job may go without finishing a batch before it counts as abandoned. */
export const IMPORT_LEASE_SECONDS = 120;

const closedStatuses = new Set(["resolved", "closed", "rejected", "duplicate"]);

/**
 * Runs (or resumes) an import job batch by batch. Each batch — its reports, their first audit
 * events, the rows that failed, and the job's cursor — is one transaction that starts by locking
 * the job row: a batch is all in or all out, a process that dies leaves the cursor at the last
 * committed batch, and two runners never write the same batch. Rows whose external id is already
 * in the municipality are skipped, so re-running an import never duplicates. Imported reports send
 * no messages to anyone (no outbox rows, no live notifications): they are history.
 */
export async function runImportJob(input: {
  db: Database;
  jobId: number;
  locale?: Locale;
  batchSize?: number;
  now?: Date;
}): Promise<ImportProgress> {
  const { db } = input;
  const now = input.now ?? new Date();
  const batchSize = input.batchSize ?? IMPORT_BATCH_SIZE;
  const [job] = await db
    .select()
    .from(t.reportImports)
    .where(sql`${t.reportImports.id} = ${input.jobId}`);
  if (!job) throw new AppError({ code: "not_found", messageKey: "importNotFound" });
  if (job.status === "completed") return progressOf(job);
  const csv = parseCsv(job.csv);
  const mapping = columnMappingSchema.parse(job.mapping);
  const categories = await loadCategories(db, job.municipalityId);
  const calendar = await loadCalendar(db, job.municipalityId);
  const geocodeCache = new Map<string, [number, number] | null>();
  const routes = new Map<string, number>();
  const contactCentre = await queryOne<{ id: number }>(
    db,
    sql`select id from organisations where municipality_id = ${job.municipalityId} and kind = 'contact_centre' and active order by code limit 1`,
  );
  if (!contactCentre) throw new AppError({ code: "unprocessable", messageKey: "importNoContactCentre" });
  // Claim the job: a job another process is running (its lease still valid) is left to it.
  const claimed = await queryOne<{ id: number }>(
    db,
    sql`update report_imports set status = 'running', last_error = null, updated_at = ${now.toISOString()}::timestamptz,
               lease_expires_at = now() + make_interval(secs => ${IMPORT_LEASE_SECONDS})
        where id = ${job.id} and not (status = 'running' and lease_expires_at > now())
        returning id`,
  );
  if (!claimed) return progressOf(job);

  try {
    for (;;) {
      const done = await transaction(db, async (tx) => {
        const locked = await queryOne<{ next_row: number; total_rows: number }>(
          tx,
          sql`select next_row, total_rows from report_imports where id = ${job.id} for update`,
        );
        if (!locked || locked.next_row >= locked.total_rows) return true;
        const start = locked.next_row;
        const slice = csv.rows.slice(start, start + batchSize);
        const checked = await checkRows({
          db: tx,
          municipalityId: job.municipalityId,
          header: csv.header,
          rows: slice,
          firstRowNumber: start + 2,
          mapping,
          categories,
          locale: input.locale ?? "sr-Latn",
          now,
          geocodeCache,
        });
        const errors: ImportRowError[] = [];
        const values: Array<typeof t.reports.$inferInsert> = [];
        for (const row of checked) {
          if (!row.ok) {
            errors.push({
              row: row.rowNumber,
              messageKey: row.problem.messageKey,
              values: row.problem.values,
              raw: row.raw,
            });
            continue;
          }
          const r = row.report;
          const key = `${r.category.id}|${r.position[0]}|${r.position[1]}`;
          let owner = routes.get(key);
          if (owner === undefined) {
            const routing = await routeReport({
              db: tx,
              municipalityId: job.municipalityId,
              responsibleKind: r.category.responsibleKind,
              responsibleSector: r.category.responsibleSector,
              position: r.position,
            });
            owner = routing.organisationId ?? contactCentre.id;
            routes.set(key, owner);
          }
          const createdAt = r.createdAt ?? now;
          values.push({
            trackingCode: makeTrackingCode(cryptoRandom),
            municipalityId: job.municipalityId,
            categoryId: r.category.id,
            location: { type: "Point", coordinates: r.position },
            address: r.address,
            description: r.description,
            status: r.status,
            channel: "import",
            assignedOrganisationId: owner,
            dueAt: computeDueAt({
              createdAt,
              slaWorkingDays: r.category.slaWorkingDays,
              overrides: calendar,
            }),
            isPublic: r.category.isPublic,
            externalRef: r.externalId,
            importId: job.id,
            createdAt,
            updatedAt: createdAt,
            // The CSV carries no resolution date: a resolved or closed report counts as resolved when filed.
            resolvedAt: r.status === "resolved" || r.status === "closed" ? createdAt : null,
            closedAt: closedStatuses.has(r.status) && r.status !== "resolved" ? createdAt : null,
          });
        }
        let imported = 0;
        if (values.length > 0) {
          const inserted = await tx.insert(t.reports).values(values).onConflictDoNothing().returning({
            id: t.reports.id,
            status: t.reports.status,
            createdAt: t.reports.createdAt,
            ownerId: t.reports.assignedOrganisationId,
          });
          imported = inserted.length;
          if (inserted.length > 0) {
            // The district as filing sets it (lowest code on a shared edge), for the whole batch at once.
            await tx.execute(sql`update reports r set district_id = (select d.id from districts d where d.municipality_id = r.municipality_id and ST_Covers(d.area, r.location) order by d.code limit 1)
                                 where r.id in (${sql.join(
                                   inserted.map((i) => sql`${i.id}`),
                                   sql`, `,
                                 )})`);
            await tx.insert(t.reportEvents).values(
              inserted.map((i) => ({
                reportId: i.id,
                municipalityId: job.municipalityId,
                kind: "created" as const,
                toStatus: i.status,
                toOrganisationId: i.ownerId,
                internalNote: `import ${job.id}`,
                createdAt: i.createdAt,
              })),
            );
          }
        }
        const skipped = values.length - imported;
        await tx.execute(sql`update report_imports set next_row = ${start + slice.length},
                               imported_count = imported_count + ${imported}, skipped_count = skipped_count + ${skipped},
                               failed_count = failed_count + ${errors.length},
                               errors = errors || ${JSON.stringify(errors)}::jsonb, updated_at = ${now.toISOString()}::timestamptz,
                               lease_expires_at = now() + make_interval(secs => ${IMPORT_LEASE_SECONDS})
                             where id = ${job.id}`);
        return start + slice.length >= locked.total_rows;
      });
      if (done) break;
    }
    await db.execute(
      sql`update report_imports set status = 'completed', finished_at = ${new Date().toISOString()}::timestamptz, updated_at = now(), lease_expires_at = null where id = ${job.id} and next_row >= total_rows`,
    );
  } catch (err) {
    // The batch in flight was rolled back whole; the job can be resumed from its cursor.
    // drizzle wraps the driver's error ("Failed query: …"); the driver's own message says what happened.
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
    const message = cause instanceof Error ? cause.message : String(cause);
    await db
      .update(t.reportImports)
      .set({
        status: "failed",
        lastError: message.slice(0, 500),
        updatedAt: new Date(),
        leaseExpiresAt: null,
      })
      .where(sql`${t.reportImports.id} = ${job.id}`);
    throw err;
  }
  const [after] = await db
    .select()
    .from(t.reportImports)
    .where(sql`${t.reportImports.id} = ${job.id}`);
  return progressOf(after!);
}

export function progressOf(job: typeof t.reportImports.$inferSelect): ImportProgress {
  return {
    id: job.id,
    status: job.status,
    totalRows: job.totalRows,
    nextRow: job.nextRow,
    imported: job.importedCount,
    skipped: job.skippedCount,
    failed: job.failedCount,
    lastError: job.lastError,
  };
}
