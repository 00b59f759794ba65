import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { localized, type Locale, type LocalizedText } from "../i18n/config";
import type { ResponseTemplateOption } from "./fill-response-template";

/** The active templates for a report: its municipality's, for its category or for every category. */
export async function listResponseTemplates(input: {
  db: Database;
  reportId: number;
  locale: Locale;
}): Promise<ResponseTemplateOption[]> {
  const rows = await queryRows<{
    id: number;
    title: LocalizedText;
    body: LocalizedText;
    sets_status: string | null;
  }>(
    input.db,
    sql`select t.id, t.title, t.body, t.sets_status from response_templates t join reports r
          on r.municipality_id = t.municipality_id and (t.category_id is null or t.category_id = r.category_id)
        where r.id = ${input.reportId} and t.active
        order by t.category_id nulls last, t.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    title: localized(r.title, input.locale),
    body: r.body,
    setsStatus: r.sets_status,
  }));
}
