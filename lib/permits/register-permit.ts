import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import * as t from "../../db/schema";
import { computeDueAt } from "../calendar/working-days";
import { AppError } from "../errors";
import { enqueuePermitNotifications } from "../notifications/enqueue-permit-notifications";
import { loadCalendar } from "../workflow/load-calendar";
import { checkPermitSite } from "./check-permit-site";
import { decisionWorkingDays, issuingSector, registryClass } from "./deadlines";
import { findPermitConflicts, type PermitConflict } from "./find-permit-conflicts";
import { permitApplicationSchema, type PermitApplicationInput } from "./permit-schema";
import { transaction } from "../../db/transaction";

export type RegisteredPermit = {
  id: number;
  reference: string;
  /** What the applicant follows it with, besides the number (the receipt prints it). */
  trackingKey: string;
  decisionDueAt: Date;
  created: boolean;
  conflicts: PermitConflict[];
};

/**
 * Registers an application (online, at the counter on the applicant's behalf, or by the office):
 * checks the site and the period, gives it the next registry number of its class and year and the
 * legal deadline for the decision in working days, and writes the permit, the applicant's contact,
 * the first history entry and the receipt message in one transaction. Returns the permits its site
 * conflicts with. Idempotent by submission key.
 */
export async function registerPermit(input: {
  db: Database;
  application: PermitApplicationInput;
  channel: t.Permit["channel"];
  /** The staff member registering it (counter, office); recorded on the first history entry. */
  actorUserId?: number | null;
  /** Staff register only in their own municipalities. */
  municipalityIds?: readonly number[];
  now?: Date;
}): Promise<RegisteredPermit> {
  const application = permitApplicationSchema.parse(input.application);
  const { db } = input;
  const now = input.now ?? new Date();
  if (application.submissionKey) {
    const existing = await queryOne<{
      id: number;
      reference: string;
      tracking_key: string;
      decision_due_at: string | Date;
    }>(
      db,
      sql`select id, reference, tracking_key, decision_due_at from permits where submission_key = ${application.submissionKey}`,
    );
    if (existing)
      return {
        id: existing.id,
        reference: existing.reference,
        trackingKey: existing.tracking_key,
        decisionDueAt: new Date(existing.decision_due_at),
        created: false,
        conflicts: [],
      };
  }
  if (application.validTo < application.validFrom)
    throw new AppError({ code: "unprocessable", messageKey: "permitPeriodReversed" });
  const { site, municipalityId } = await checkPermitSite({ db, site: application.site });
  if (input.municipalityIds && !input.municipalityIds.includes(municipalityId)) {
    throw new AppError({ code: "unprocessable", messageKey: "geometry_outside_area" });
  }
  const decisionDueAt = computeDueAt({
    createdAt: now,
    slaWorkingDays: decisionWorkingDays[application.kind],
    overrides: await loadCalendar(db, municipalityId),
  });
  const year = Number(now.toISOString().slice(0, 4));
  const cls = registryClass[application.kind];

  const permit = await transaction(db, async (tx) => {
    // One registry number at a time per class and year; numbers have no gaps.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`permit-registry-${municipalityId}-${cls}-${year}`}))`,
    );
    const last = await queryOne<{ n: number | null }>(
      tx,
      sql`select max(split_part(split_part(reference, '/', 1), '-', 2)::int) as n from permits
          where municipality_id = ${municipalityId} and reference like ${`${cls}-%/${year}-IV`}`,
    );
    // Zero-padded to three digits, as the register has always written them ("344-029/2026-IV").
    const reference = `${cls}-${String((last?.n ?? 0) + 1).padStart(3, "0")}/${year}-IV`;
    const issuer = await queryOne<{ id: number }>(
      tx,
      sql`select id from organisations where municipality_id = ${municipalityId} and kind = 'department'
            and sector = ${issuingSector[application.kind]} and active order by code limit 1`,
    );
    const [row] = await tx
      .insert(t.permits)
      .values({
        municipalityId,
        reference,
        kind: application.kind,
        status: "applied",
        issuingOrganisationId: issuer?.id ?? null,
        holderName: application.holderName,
        holderIsCompany: application.holderIsCompany,
        contractor: application.contractor,
        contractorEmail: application.contractorEmail,
        worksDescription: application.worksDescription,
        conditions: application.conditions,
        site,
        validFrom: application.validFrom,
        validTo: application.validTo,
        channel: input.channel,
        decisionDueAt,
        submissionKey: application.submissionKey ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: t.permits.submissionKey })
      .returning({ id: t.permits.id, reference: t.permits.reference, trackingKey: t.permits.trackingKey });
    if (!row) return null;
    await tx.insert(t.permitApplicants).values({
      permitId: row.id,
      name: application.applicant.name,
      email: application.applicant.email ?? null,
      phone: application.applicant.phone ?? null,
      address: application.applicant.address || null,
      locale: application.locale,
    });
    const [event] = await tx
      .insert(t.permitEvents)
      .values({
        permitId: row.id,
        kind: "applied",
        toStatus: "applied",
        actorUserId: input.actorUserId ?? null,
        createdAt: now,
      })
      .returning({ id: t.permitEvents.id });
    await enqueuePermitNotifications(tx, { permitId: row.id, eventId: event!.id });
    return row;
  });
  if (!permit) {
    // A concurrent retry with the same key won.
    return registerPermit(input);
  }
  const conflicts = await findPermitConflicts({
    db,
    municipalityId,
    kind: application.kind,
    site,
    validFrom: application.validFrom,
    validTo: application.validTo,
    excludePermitId: permit.id,
  });
  return {
    id: permit.id,
    reference: permit.reference,
    trackingKey: permit.trackingKey,
    decisionDueAt,
    created: true,
    conflicts,
  };
}
