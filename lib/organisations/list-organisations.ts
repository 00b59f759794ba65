import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { localized, type Locale, type LocalizedText } from "../i18n/config";

/** Active organisations of the user's municipalities, for assigning and forwarding. */
export async function listOrganisations(input: { db: Database; municipalityIds: number[]; locale: Locale }) {
  const ids = input.municipalityIds.length ? input.municipalityIds : [-1];
  const rows = await queryRows<{ id: number; name: LocalizedText }>(
    input.db,
    sql`select id, name from organisations where municipality_id in ${ids} and active order by code`,
  );
  return rows.map((r) => ({ id: r.id, name: localized(r.name, input.locale) }));
}
