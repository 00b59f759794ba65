import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { localized, type Locale, type LocalizedText } from "../i18n/config";
import { listDistricts } from "../places/list-districts";
import { listCategories } from "../reports/list-categories";

/** What the analytics filter form offers: categories by group, organisations and districts, by code. */
export async function listFilterChoices(input: { db: Database; municipalityId: number; locale: Locale }) {
  const organisations = await queryRows<{ code: string; name: LocalizedText }>(
    input.db,
    sql`select code, name from organisations where municipality_id = ${input.municipalityId} order by code`,
  );
  return {
    categoryGroups: await listCategories(input),
    organisations: organisations
      .map((o) => ({ code: o.code, name: localized(o.name, input.locale) }))
      .sort((a, b) => a.name.localeCompare(b.name, input.locale)),
    districts: await listDistricts(input),
  };
}
