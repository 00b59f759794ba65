import "server-only";
import { sql } from "drizzle-orm";
import type { Position } from "geojson";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import { pointSql } from "../geo/sql";
import { localized, type Locale, type LocalizedText } from "../i18n/config";

/** How far a street may be to be named as the pin's address. */
const STREET_RADIUS_METRES = 120;

export type LocationDescription = {
  street: string | null;
  district: string | null;
  municipality: string | null;
  /** "Karađorđeva, Ćuprija – Centar" — what a screen reader announces under the pin. */
  label: string | null;
};

/** Names the place under a point: the nearest street within reach, its district and municipality. */
export async function describeLocation(input: {
  db: Database;
  position: Position;
  locale: Locale;
}): Promise<LocationDescription> {
  const point = pointSql(input.position);
  const row = await queryOne<{
    street: LocalizedText | null;
    district: LocalizedText | null;
    municipality: LocalizedText | null;
  }>(
    input.db,
    sql`select
          (select g.name from gazetteer g
            where g.kind = 'street' and ST_DWithin(g.geom::geography, ${point}::geography, ${STREET_RADIUS_METRES})
            order by g.geom <-> ${point} limit 1) as street,
          (select d.name from districts d where ST_Covers(d.area, ${point}) order by d.code limit 1) as district,
          (select m.name from municipalities m where ST_Covers(m.boundary, ${point}) order by m.code limit 1) as municipality`,
  );
  const street = row?.street ? localized(row.street, input.locale) : null;
  const district = row?.district ? localized(row.district, input.locale) : null;
  const municipality = row?.municipality ? localized(row.municipality, input.locale) : null;
  const parts = [street, district ?? municipality].filter(Boolean);
  return { street, district, municipality, label: parts.length ? parts.join(", ") : null };
}
