import "server-only";
import { sql } from "drizzle-orm";
import type { Position } from "geojson";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { pointSql } from "../geo/sql";
import { localized, type Locale, type LocalizedText } from "../i18n/config";
import { openStatuses, statusGroupOf, type ReportStatus, type StatusGroup } from "../workflow/states";

export type DuplicateCandidate = {
  code: string;
  categoryName: string;
  status: ReportStatus;
  statusGroup: StatusGroup;
  createdAt: string;
  distanceMetres: number;
  supporters: number;
  photoId: number | null;
  position: Position;
};

/**
 * Open public reports of the same category within the category's duplicate radius (metres, on
 * the geography indexes; a drawn line or area counts by its distance, not its pin's), nearest first: what a citizen is offered to support instead of filing again.
 */
export async function findDuplicateCandidates(input: {
  db: Database;
  municipalityId: number;
  serviceCode: string;
  position: Position;
  locale: Locale;
  limit?: number;
}): Promise<DuplicateCandidate[]> {
  const point = pointSql(input.position);
  const rows = await queryRows<{
    code: string;
    name: LocalizedText;
    status: ReportStatus;
    created_at: string | Date;
    distance: number;
    supporters: number;
    photo_id: number | null;
    geometry: string;
  }>(
    input.db,
    sql`select r.tracking_code as code, c.name, r.status, r.created_at, r.supporters_count as supporters,
               ST_Distance(coalesce(r.shape, r.location)::geography, ${point}::geography) as distance,
               (select a.id from public_attachments a where a.report_id = r.id order by a.id limit 1) as photo_id,
               ST_AsGeoJSON(r.location, 6) as geometry
        from public_reports r join service_categories c on c.id = r.category_id
        where c.municipality_id = ${input.municipalityId} and c.service_code = ${input.serviceCode}
          and r.status in ${openStatuses}
          and (ST_DWithin(r.location::geography, ${point}::geography, c.duplicate_radius_metres)
               or (r.shape is not null and ST_DWithin(r.shape::geography, ${point}::geography, c.duplicate_radius_metres)))
        order by distance
        limit ${input.limit ?? 10}`,
  );
  return rows.map((row) => ({
    code: row.code,
    categoryName: localized(row.name, input.locale),
    status: row.status,
    statusGroup: statusGroupOf[row.status],
    createdAt: new Date(row.created_at).toISOString(),
    distanceMetres: Math.round(Number(row.distance)),
    supporters: row.supporters,
    photoId: row.photo_id,
    position: (JSON.parse(row.geometry) as { coordinates: Position }).coordinates,
  }));
}
