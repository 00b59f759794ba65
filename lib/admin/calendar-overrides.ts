import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { calendarOverrides } from "../../db/schema";
import { overrideEffect, type OverrideEffect } from "../calendar/override-effect";
import { AppError } from "../errors";
import { outOfScope, scopeMunicipalityId, type AdminScope } from "./admin-scope";
import { recordAdminChange } from "./record-admin-change";
import { transaction } from "../../db/transaction";

export const calendarOverrideSchema = z.object({
  date: z.iso.date(),
  // false: a local holiday (no work); true: a decreed working day (e.g. a Saturday before a bridge holiday).
  isWorking: z.boolean(),
  reason: z.string().trim().min(2).max(200),
});

/** The standard shown in the effect column: the most common one among active categories, else 5. */
async function typicalSla(db: Database, municipalityId: number): Promise<number> {
  const [row] = await db
    .execute(
      sql`select sla_working_days as days from service_categories where municipality_id = ${municipalityId} and active
        group by sla_working_days order by count(*) desc, sla_working_days limit 1`,
    )
    .then((r) => (r as unknown as { rows: Array<{ days: number }> }).rows);
  return row?.days ?? 5;
}

export type CalendarOverrideView = {
  id: number;
  date: string;
  isWorking: boolean;
  reason: string;
  effect: OverrideEffect;
};

/** A year's overrides with what each does to a due date. */
export async function listCalendarOverrides(input: {
  db: Database;
  scope: AdminScope;
  year: number;
}): Promise<{ overrides: CalendarOverrideView[]; slaWorkingDays: number }> {
  const municipalityId = scopeMunicipalityId(input.scope);
  const all = await input.db
    .select({
      id: calendarOverrides.id,
      date: sql<string>`${calendarOverrides.date}::text`,
      isWorking: calendarOverrides.isWorking,
      reason: calendarOverrides.reason,
    })
    .from(calendarOverrides)
    .where(eq(calendarOverrides.municipalityId, municipalityId))
    .orderBy(asc(calendarOverrides.date));
  const slaWorkingDays = await typicalSla(input.db, municipalityId);
  const overrides = all
    .filter((o) => o.date.startsWith(`${input.year}-`))
    .map((o) => ({ ...o, effect: overrideEffect({ override: o, others: all, slaWorkingDays }) }));
  return { overrides, slaWorkingDays };
}

/** Adds a local holiday or a decreed working day. Due dates already set stay; reports filed from now on count it. */
export async function addCalendarOverride(input: {
  db: Database;
  scope: AdminScope;
  actorUserId: number;
  override: unknown;
}): Promise<{ id: number }> {
  const data = calendarOverrideSchema.parse(input.override);
  const municipalityId = scopeMunicipalityId(input.scope);
  return transaction(input.db, async (tx) => {
    const [taken] = await tx
      .select({ id: calendarOverrides.id })
      .from(calendarOverrides)
      .where(
        and(eq(calendarOverrides.municipalityId, municipalityId), eq(calendarOverrides.date, data.date)),
      );
    if (taken)
      throw new AppError({ code: "conflict", messageKey: "overrideExists", details: { date: data.date } });
    const [row] = await tx
      .insert(calendarOverrides)
      .values({ ...data, municipalityId })
      .returning();
    await recordAdminChange({
      tx,
      actorUserId: input.actorUserId,
      municipalityId,
      entity: "calendar_override",
      entityId: row!.id,
      action: "created",
      before: null,
      after: data,
    });
    return { id: row!.id };
  });
}

export async function deleteCalendarOverride(input: {
  db: Database;
  scope: AdminScope;
  actorUserId: number;
  overrideId: number;
}): Promise<void> {
  const municipalityId = scopeMunicipalityId(input.scope);
  await transaction(input.db, async (tx) => {
    const [row] = await tx
      .delete(calendarOverrides)
      .where(
        and(eq(calendarOverrides.id, input.overrideId), eq(calendarOverrides.municipalityId, municipalityId)),
      )
      .returning();
    if (!row) throw outOfScope();
    await recordAdminChange({
      tx,
      actorUserId: input.actorUserId,
      municipalityId,
      entity: "calendar_override",
      entityId: row.id,
      action: "deleted",
      before: { date: row.date, isWorking: row.isWorking, reason: row.reason },
      after: null,
    });
  });
}
