import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne, queryRows } from "../../db/query";
import * as t from "../../db/schema";
import { actorOrganisationIds, type Actor } from "../auth/roles";
import { AppError } from "../errors";
import { notifyReportChange } from "../live/report-changes";
import { enqueueReportNotifications } from "../notifications/enqueue-report-notifications";
import { MAX_PHOTOS, processPhoto } from "../reports/photos";
import { storePhotos, type StoredPhotos } from "../reports/store-photos";
import type { Storage } from "../storage/storage";
import { applyAction, type WorkflowAction, type WorkflowState } from "./apply-action";
import { loadCalendar } from "./load-calendar";
import { transaction } from "../../db/transaction";

type LockedRow = {
  id: number;
  municipality_id: number;
  status: WorkflowState["status"];
  assigned_organisation_id: number | null;
  assigned_user_id: number | null;
  duplicate_of_id: number | null;
  version: number;
  due_at: string | Date | null;
  sla_paused_at: string | Date | null;
  escalated_at: string | Date | null;
  scheduled_for: string | null;
  resolved_at: string | Date | null;
  closed_at: string | Date | null;
  rejection_target: string | null;
  supporters_count: number;
  sla_working_days: number;
  pause_sla_when_scheduled: boolean;
};

const toDate = (v: string | Date | null): Date | null => (v === null ? null : new Date(v));

export function toWorkflowState(row: LockedRow): WorkflowState {
  return {
    id: row.id,
    municipalityId: row.municipality_id,
    status: row.status,
    assignedOrganisationId: row.assigned_organisation_id,
    assignedUserId: row.assigned_user_id,
    duplicateOfId: row.duplicate_of_id,
    version: row.version,
    dueAt: toDate(row.due_at),
    slaPausedAt: toDate(row.sla_paused_at),
    escalatedAt: toDate(row.escalated_at),
    scheduledFor: row.scheduled_for === null ? null : String(row.scheduled_for).slice(0, 10),
    resolvedAt: toDate(row.resolved_at),
    closedAt: toDate(row.closed_at),
    rejectionTarget: row.rejection_target,
  };
}

async function lockReport(tx: Database, reportId: number): Promise<LockedRow | undefined> {
  return queryOne<LockedRow>(
    tx,
    sql`select r.id, r.municipality_id, r.status, r.assigned_organisation_id, r.assigned_user_id, r.duplicate_of_id,
               r.version, r.due_at, r.sla_paused_at, r.escalated_at, r.scheduled_for::text as scheduled_for,
               r.resolved_at, r.closed_at, r.rejection_target, r.supporters_count,
               c.sla_working_days, c.pause_sla_when_scheduled
        from reports r join service_categories c on c.id = r.category_id
        where r.id = ${reportId}
        for update of r`,
  );
}

/**
 * Takes one action on a report in one transaction: lock the row, check the version the caller
 * saw (optimistic locking — of two people acting on the same version one wins, the other gets
 * 409 with the fresh state), apply the procedure, write the report, its audit events and the
 * notifications they cause.
 */
export async function performReportAction(input: {
  db: Database;
  reportId: number;
  expectedVersion: number;
  actor: Actor;
  action: WorkflowAction;
  /** Photos of the work (a resolution, a scheduled repair), attached to the action's event. */
  photos?: Buffer[];
  storage?: Storage;
  now?: Date;
  /**
   * The caller's key for this action (a staff member's own device makes it up once per action). An
   * action already applied under the key is not applied again: the answer is the report as it is,
   * with `replayed`, even when the report has moved on since.
   */
  idempotencyKey?: string;
}): Promise<{ state: WorkflowState; eventIds: number[]; replayed: boolean }> {
  const now = input.now ?? new Date();
  if ((input.photos?.length ?? 0) > MAX_PHOTOS) {
    throw new AppError({ code: "unprocessable", messageKey: "tooManyPhotos", details: { max: MAX_PHOTOS } });
  }
  const processed = [];
  for (const photo of input.photos ?? []) processed.push(await processPhoto(photo));
  const stored = await storePhotos({ photos: processed, storage: input.storage, now });
  try {
    const result = await transact(input, now, stored);
    if (result.replayed) await stored.remove();
    return result;
  } catch (err) {
    await stored.remove();
    throw err;
  }
}

async function transact(
  input: {
    db: Database;
    reportId: number;
    expectedVersion: number;
    actor: Actor;
    action: WorkflowAction;
    idempotencyKey?: string;
  },
  now: Date,
  stored: StoredPhotos,
): Promise<{ state: WorkflowState; eventIds: number[]; replayed: boolean }> {
  return transaction(input.db, async (tx) => {
    // The row lock also serialises two deliveries of the same key: the second finds the receipt.
    const row = await lockReport(tx, input.reportId);
    if (!row) throw new AppError({ code: "not_found", messageKey: "reportNotFound" });
    const current = toWorkflowState(row);
    const keyUser = input.actor.kind === "staff" ? input.actor.userId : null;
    if (input.idempotencyKey !== undefined) {
      if (keyUser === null)
        throw new AppError({ code: "unprocessable", messageKey: "idempotencyKeyStaffOnly" });
      const receipt = await queryOne<{ report_id: number; user_id: number }>(
        tx,
        sql`select report_id, user_id from staff_action_receipts
            where municipality_id = ${row.municipality_id} and key = ${input.idempotencyKey}`,
      );
      if (receipt) {
        if (receipt.report_id !== row.id || receipt.user_id !== keyUser) {
          throw new AppError({ code: "unprocessable", messageKey: "idempotencyKeyReused" });
        }
        return { state: current, eventIds: [], replayed: true };
      }
    }
    if (row.version !== input.expectedVersion) {
      throw new AppError({
        code: "conflict",
        messageKey: "versionConflict",
        details: { currentVersion: row.version, status: row.status, current },
      });
    }

    const action = await resolveTargets(tx, row, input.action);
    const calendar = await loadCalendar(tx, row.municipality_id);
    const { state, events } = applyAction(current, action, input.actor, {
      now,
      slaWorkingDays: row.sla_working_days,
      pauseSlaWhenScheduled: row.pause_sla_when_scheduled,
      calendar,
    });

    const updated = await tx
      .update(t.reports)
      .set({
        status: state.status,
        assignedOrganisationId: state.assignedOrganisationId,
        assignedUserId: state.assignedUserId,
        duplicateOfId: state.duplicateOfId,
        version: state.version,
        dueAt: state.dueAt,
        slaPausedAt: state.slaPausedAt,
        escalatedAt: state.escalatedAt,
        scheduledFor: state.scheduledFor,
        resolvedAt: state.resolvedAt,
        closedAt: state.closedAt,
        rejectionTarget: state.rejectionTarget,
        updatedAt: now,
      })
      .where(and(eq(t.reports.id, row.id), eq(t.reports.version, row.version)))
      .returning({ id: t.reports.id });
    if (updated.length !== 1) throw new AppError({ code: "conflict", messageKey: "versionConflict" });

    const actorUserId =
      input.actor.kind === "staff"
        ? input.actor.userId
        : input.actor.kind === "citizen"
          ? input.actor.userId
          : null;
    // Staff act for the organisation holding the report if they work for it, else their first.
    const staffOrganisations = input.actor.kind === "staff" ? actorOrganisationIds(input.actor) : [];
    const actorOrganisationId =
      input.actor.kind === "external_system"
        ? input.actor.organisationId
        : (staffOrganisations.find((id) => id === current.assignedOrganisationId) ??
          staffOrganisations[0] ??
          null);
    const inserted = await tx
      .insert(t.reportEvents)
      .values(
        events.map((e) => ({
          ...e,
          reportId: row.id,
          municipalityId: row.municipality_id,
          actorUserId,
          actorOrganisationId,
          createdAt: now,
        })),
      )
      .returning({ id: t.reportEvents.id });

    if (action.type === "mark_duplicate") {
      await moveSupportersToOriginal(tx, row, action.duplicateOfId);
    }
    const isPublic = await queryOne<{ public: boolean }>(
      tx,
      sql`select is_public as public from reports where id = ${row.id}`,
    );
    await stored.insert(tx, {
      reportId: row.id,
      municipalityId: row.municipality_id,
      eventId: inserted[inserted.length - 1]?.id ?? null,
      isPublic: Boolean(isPublic?.public),
    });
    await enqueueReportNotifications(tx, { reportId: row.id, eventIds: inserted.map((e) => e.id) });
    await notifyReportChange(tx, row.id);
    if (action.type === "mark_duplicate") await notifyReportChange(tx, action.duplicateOfId);
    if (input.idempotencyKey !== undefined && keyUser !== null) {
      await tx.insert(t.staffActionReceipts).values({
        municipalityId: row.municipality_id,
        key: input.idempotencyKey,
        reportId: row.id,
        userId: keyUser,
        version: state.version,
        createdAt: now,
      });
    }
    return { state, eventIds: inserted.map((e) => e.id), replayed: false };
  });
}

/** Checks the targets an action names against the database: same municipality, active, not a duplicate. */
async function resolveTargets(tx: Database, row: LockedRow, action: WorkflowAction): Promise<WorkflowAction> {
  if (action.type === "assign") {
    const org = await queryOne<{ id: number }>(
      tx,
      sql`select id from organisations where id = ${action.organisationId} and municipality_id = ${row.municipality_id} and active`,
    );
    if (!org) throw new AppError({ code: "unprocessable", messageKey: "organisationNotFound" });
  }
  if (action.type === "mark_duplicate") {
    // A duplicate of a duplicate points at the original at the end of the chain.
    let originalId = action.duplicateOfId;
    for (let hop = 0; hop < 10; hop++) {
      const original = await queryOne<{
        id: number;
        municipality_id: number;
        status: string;
        duplicate_of_id: number | null;
      }>(tx, sql`select id, municipality_id, status, duplicate_of_id from reports where id = ${originalId}`);
      if (!original || original.municipality_id !== row.municipality_id) {
        throw new AppError({ code: "unprocessable", messageKey: "duplicateTargetNotFound" });
      }
      if (original.status !== "duplicate" || original.duplicate_of_id === null) break;
      originalId = original.duplicate_of_id;
    }
    if (originalId === row.id) throw new AppError({ code: "unprocessable", messageKey: "duplicateOfSelf" });
    return { ...action, duplicateOfId: originalId };
  }
  return action;
}

/** Supporters and followers of a duplicate, and its reporter, now follow the original. */
async function moveSupportersToOriginal(tx: Database, row: LockedRow, originalId: number): Promise<void> {
  await tx.execute(
    sql`update reports set supporters_count = supporters_count + ${row.supporters_count} + 1, updated_at = now()
        where id = ${originalId}`,
  );
  await tx.execute(
    sql`insert into report_followers (report_id, municipality_id, email, user_id, locale)
        select ${originalId}::int, municipality_id, email, user_id, locale from report_followers
        where municipality_id = ${row.municipality_id} and report_id = ${row.id}
        union
        select ${originalId}::int, municipality_id, email, user_id, locale from report_contacts
        where municipality_id = ${row.municipality_id} and report_id = ${row.id} and email is not null
        on conflict (report_id, email) do nothing`,
  );
}

export async function listReportEvents(db: Database, reportId: number) {
  return queryRows<{
    id: number;
    kind: string;
    to_status: WorkflowState["status"] | null;
    to_organisation_id: number | null;
    public_text: string | null;
  }>(
    db,
    sql`select id, kind, to_status, to_organisation_id, public_text from report_events where report_id = ${reportId} order by id`,
  );
}
