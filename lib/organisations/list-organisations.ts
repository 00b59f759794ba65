import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { localized, type Locale, type LocalizedText } from "../i18n/config";

/** Active organisations of the user's municipalities, for assigning and forwarding; optionally of one kind. */
export async function listOrganisations(input: {
  db: Database;
  municipalityIds: number[];
  locale: Locale;
  kind?: string;
}) {
  const ids = input.municipalityIds.length ? input.municipalityIds : [-1];
  const rows = await queryRows<{ id: number; name: LocalizedText; kind: string }>(
    input.db,
    sql`select id, name, kind from organisations
        where municipality_id in ${ids} and active ${input.kind ? sql`and kind = ${input.kind}::organisation_kind` : sql``}
        order by code`,
  );
  return rows.map((r) => ({ id: r.id, name: localized(r.name, input.locale), kind: r.kind }));
}
