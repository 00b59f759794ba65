import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { normaliseTrackingCode } from "../reports/tracking-code";

/** The screens through which staff see a reporter's contact. */
export type ContactScreen = "staff_report_page" | "staff_report_api" | "intake_caller_history";

/**
 * Records that a staff member was shown the contacts of these reports' reporters (ISO 27001
 * A.8.15), one row per report, in the report's municipality.
 */
export async function logContactViews(input: {
  db: Database;
  userId: number;
  reportIds: number[];
  screen: ContactScreen;
  now?: Date;
}): Promise<void> {
  if (input.reportIds.length === 0) return;
  await input.db.execute(
    sql`insert into contact_views (municipality_id, report_id, user_id, screen, viewed_at)
        select municipality_id, id, ${input.userId}, ${input.screen}, ${(input.now ?? new Date()).toISOString()}::timestamptz
        from reports where id in ${input.reportIds}`,
  );
}

export type ContactViewEntry = {
  viewedAt: string;
  user: string;
  userEmail: string;
  reportCode: string;
  screen: string;
};

/**
 * The contact-view log for administrators, newest first: by staff member (name or e-mail, part of
 * it), by report (tracking code) and by period.
 */
export async function searchContactViews(input: {
  db: Database;
  municipalityIds: number[];
  user?: string;
  reportCode?: string;
  from?: Date;
  to?: Date;
  limit?: number;
}): Promise<ContactViewEntry[]> {
  if (input.municipalityIds.length === 0) return [];
  const like = input.user ? `%${input.user.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await queryRows<{
    viewed_at: string | Date;
    name: string;
    email: string;
    code: string;
    screen: string;
  }>(
    input.db,
    sql`select v.viewed_at, u.name, u.email, r.tracking_code as code, v.screen
        from contact_views v join users u on u.id = v.user_id join reports r on r.id = v.report_id
        where v.municipality_id in ${input.municipalityIds}
          ${like ? sql`and (u.name ilike ${like} or u.email ilike ${like})` : sql``}
          ${input.reportCode ? sql`and r.tracking_code = ${normaliseTrackingCode(input.reportCode) ?? ""}` : sql``}
          ${input.from ? sql`and v.viewed_at >= ${input.from.toISOString()}::timestamptz` : sql``}
          ${input.to ? sql`and v.viewed_at < ${input.to.toISOString()}::timestamptz` : sql``}
        order by v.viewed_at desc, v.id desc limit ${input.limit ?? 200}`,
  );
  return rows.map((r) => ({
    viewedAt: new Date(r.viewed_at).toISOString(),
    user: r.name,
    userEmail: r.email,
    reportCode: r.code,
    screen: r.screen,
  }));
}
