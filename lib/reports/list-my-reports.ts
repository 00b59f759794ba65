import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { inReaderScript } from "../i18n/transliterate";
import { localized, type Locale, type LocalizedText } from "../i18n/config";
import { statusGroupOf, type ReportStatus, type StatusGroup } from "../workflow/states";

export type MyReport = {
  code: string;
  category: string;
  status: ReportStatus;
  statusGroup: StatusGroup;
  address: string | null;
  createdAt: string;
  updatedAt: string;
  dueAt: string | null;
  /** The last thing said to the public about it. */
  lastUpdate: string | null;
  /** Filed by this citizen, supported ("I have this problem too"), or only followed. */
  relation: "filed" | "supported" | "following";
};

/**
 * A signed-in citizen's reports, newest change first: the ones they filed and the ones they
 * follow. Only what the public page shows — their own contact details are not repeated here.
 */
export async function listMyReports(input: {
  db: Database;
  userId: number;
  locale: Locale;
  limit?: number;
}): Promise<MyReport[]> {
  const rows = await queryRows<{
    code: string;
    category: LocalizedText;
    status: ReportStatus;
    address: string | null;
    created_at: string | Date;
    updated_at: string | Date;
    due_at: string | Date | null;
    last_update: string | null;
    filed: boolean;
    supported: boolean;
  }>(
    input.db,
    sql`with mine as (
          select report_id, true as filed, false as supported from report_contacts where user_id = ${input.userId}
          union all
          select report_id, false, supported from report_followers where user_id = ${input.userId}
        ), owned as (
          select report_id, bool_or(filed) as filed, bool_or(supported) as supported from mine group by report_id
        )
        select r.tracking_code as code, c.name as category, r.status, r.address, r.created_at, r.updated_at, r.due_at, o.filed, o.supported,
               (select e.public_text from report_events e where e.report_id = r.id and e.public_text is not null
                 order by e.created_at desc, e.id desc limit 1) as last_update
        from owned o join reports r on r.id = o.report_id join service_categories c on c.id = r.category_id
        order by r.updated_at desc, r.id desc
        limit ${input.limit ?? 200}`,
  );
  return rows.map((r) => ({
    code: r.code,
    category: localized(r.category, input.locale),
    status: r.status,
    statusGroup: statusGroupOf[r.status],
    address: r.address,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    dueAt: r.due_at === null ? null : new Date(r.due_at).toISOString(),
    lastUpdate: r.last_update === null ? null : inReaderScript(r.last_update, input.locale),
    relation: r.filed ? "filed" : r.supported ? "supported" : "following",
  }));
}
