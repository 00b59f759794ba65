import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import type { CalendarOverride } from "../calendar/working-days";

/** The municipality's own holidays and decreed working days. */
export async function loadCalendar(db: Database, municipalityId: number): Promise<CalendarOverride[]> {
  const rows = await queryRows<{ date: string; is_working: boolean }>(
    db,
    sql`select date::text as date, is_working from calendar_overrides where municipality_id = ${municipalityId}`,
  );
  return rows.map((r) => ({ date: r.date, isWorking: r.is_working }));
}
