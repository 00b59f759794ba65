import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { localized, type Locale, type LocalizedText } from "../i18n/config";

export async function listDistricts(input: { db: Database; municipalityId: number; locale: Locale }) {
  const rows = await queryRows<{ code: string; name: LocalizedText }>(
    input.db,
    sql`select code, name from districts where municipality_id = ${input.municipalityId}`,
  );
  return rows
    .map((r) => ({ code: r.code, name: localized(r.name, input.locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, input.locale));
}
