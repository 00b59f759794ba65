import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import * as t from "../../db/schema";
import { notifyReportChange } from "../live/report-changes";
import { isOpenStatus, openStatuses } from "./states";
import { enqueueReportNotifications } from "../notifications/enqueue-report-notifications";
import { transaction } from "../../db/transaction";

/**
 * Escalates reports whose service standard has run out: one `escalated` event each, and a
 * message to the leads of the organisation that holds the report. A paused clock (work
 * scheduled) is not overdue; a report is escalated once per service period.
 */
export async function escalateOverdueReports(input: {
  db: Database;
  now?: Date;
  limit?: number;
}): Promise<number> {
  const now = input.now ?? new Date();
  return transaction(input.db, async (tx) => {
    const overdue = await queryRows<{
      id: number;
      municipality_id: number;
      assigned_organisation_id: number | null;
      status: t.Report["status"];
    }>(
      tx,
      sql`select id, municipality_id, assigned_organisation_id, status from reports
          where status in ${openStatuses}
            and due_at < ${now.toISOString()}::timestamptz
            and escalated_at is null and sla_paused_at is null
          order by due_at
          limit ${input.limit ?? 200}
          for update skip locked`,
    );
    for (const report of overdue) {
      await tx.execute(
        sql`update reports set escalated_at = ${now.toISOString()}::timestamptz, version = version + 1, updated_at = ${now.toISOString()}::timestamptz
            where id = ${report.id}`,
      );
      const [event] = await tx
        .insert(t.reportEvents)
        .values({
          reportId: report.id,
          municipalityId: report.municipality_id,
          kind: "escalated",
          fromStatus: report.status,
          toStatus: null,
          toOrganisationId: report.assigned_organisation_id,
          noteKey: "serviceStandardExceeded",
          createdAt: now,
        })
        .returning({ id: t.reportEvents.id });
      await enqueueReportNotifications(tx, { reportId: report.id, eventIds: [event!.id] });
      await notifyReportChange(tx, report.id);
    }
    return overdue.length;
  });
}

/** Whether a report is past its service standard now (the clock does not run while paused). */
export function isOverdue(input: {
  status: t.Report["status"];
  dueAt: Date | null;
  slaPausedAt: Date | null;
  now?: Date;
}): boolean {
  return (
    isOpenStatus(input.status) &&
    input.dueAt !== null &&
    input.slaPausedAt === null &&
    input.dueAt < (input.now ?? new Date())
  );
}
