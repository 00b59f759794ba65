import "server-only";
import { sql } from "drizzle-orm";
import type { Position } from "geojson";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import type { SessionUser } from "../auth/staff-user";
import { pointSql } from "../geo/sql";
import { localized, type Locale, type LocalizedText } from "../i18n/config";
import { openStatuses, type ReportStatus } from "../workflow/states";

export type FieldItem = {
  id: number;
  code: string;
  category: string;
  address: string | null;
  status: ReportStatus;
  dueAt: string | null;
  distanceMetres: number | null;
  position: [number, number];
};

/**
 * An inspector's or crew's open reports, nearest first from where they stand: the ORDER BY is the
 * geography index's nearest-neighbour search (`<->` on the sphere, so east–west and north–south
 * metres count alike), and the distance in metres is computed for the rows returned.
 */
export async function listFieldQueue(input: {
  db: Database;
  user: SessionUser;
  position: Position | null;
  locale: Locale;
  limit?: number;
}): Promise<FieldItem[]> {
  const orgs = input.user.organisationIds.length ? input.user.organisationIds : [-1];
  const here = input.position ? pointSql(input.position) : null;
  const rows = await queryRows<{
    id: number;
    code: string;
    category: LocalizedText;
    address: string | null;
    status: ReportStatus;
    due_at: string | Date | null;
    distance: number | null;
    lng: number;
    lat: number;
  }>(
    input.db,
    sql`select r.id, r.tracking_code as code, c.name as category, r.address, r.status, r.due_at,
               ${here ? sql`ST_Distance(r.location::geography, ${here}::geography)` : sql`null`} as distance,
               ST_X(r.location) as lng, ST_Y(r.location) as lat
        from reports r join service_categories c on c.id = r.category_id
        where r.assigned_organisation_id in ${orgs}
          and r.status in ${openStatuses}
        order by ${here ? sql`r.location::geography <-> ${here}::geography` : sql`r.due_at nulls last`}
        limit ${input.limit ?? 50}`,
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    category: localized(r.category, input.locale),
    address: r.address,
    status: r.status,
    dueAt: r.due_at === null ? null : new Date(r.due_at).toISOString(),
    distanceMetres: r.distance === null ? null : Math.round(Number(r.distance)),
    position: [Number(r.lng), Number(r.lat)],
  }));
}
