import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { localized, type Locale, type LocalizedText } from "../i18n/config";

export const CHARTER_WINDOW_DAYS = 90;

export type CharterRow = {
  serviceCode: string;
  name: string;
  slaWorkingDays: number;
  pausesWhenScheduled: boolean;
  /** Reports whose due date fell in the window (rejected and duplicate reports are not counted). */
  dueTotal: number;
  /** Of those, resolved by their due date. */
  onTime: number;
};

export type CharterGroup = { code: string; name: string; categories: CharterRow[] };

/**
 * The customer charter: each category's promised time and how often the promise was kept for
 * reports that fell due in the last 90 days. A report still open past its due date counts as late.
 * The counts come from civic_charter_counts (migration 0039), the one rule for what the public sees
 * of them, so the page reads as the public role.
 */
export async function getCharter(input: {
  db: Database;
  municipalityId: number;
  locale: Locale;
  now?: Date;
}): Promise<CharterGroup[]> {
  const now = (input.now ?? new Date()).toISOString();
  const rows = await queryRows<{
    group_code: string;
    group_name: LocalizedText;
    service_code: string;
    name: LocalizedText;
    sla_working_days: number;
    pause_sla_when_scheduled: boolean;
    due_total: number;
    on_time: number;
  }>(
    input.db,
    sql`select g.code as group_code, g.name as group_name, c.service_code, c.name, c.sla_working_days,
               c.pause_sla_when_scheduled,
               coalesce(k.due_total, 0) as due_total, coalesce(k.on_time, 0) as on_time
        from service_categories c
        join category_groups g on g.id = c.group_id
        left join civic_charter_counts(${input.municipalityId}::int,
                    ${now}::timestamptz - make_interval(days => ${CHARTER_WINDOW_DAYS}), ${now}::timestamptz) k
          on k.category_id = c.id
        where c.municipality_id = ${input.municipalityId} and c.active
        order by g.sort_order, c.sort_order`,
  );
  const groups: CharterGroup[] = [];
  for (const row of rows) {
    let group = groups.find((g) => g.code === row.group_code);
    if (!group) {
      group = { code: row.group_code, name: localized(row.group_name, input.locale), categories: [] };
      groups.push(group);
    }
    group.categories.push({
      serviceCode: row.service_code,
      name: localized(row.name, input.locale),
      slaWorkingDays: row.sla_working_days,
      pausesWhenScheduled: row.pause_sla_when_scheduled,
      dueTotal: row.due_total,
      onTime: row.on_time,
    });
  }
  return groups;
}
