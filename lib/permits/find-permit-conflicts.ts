import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { MultiPolygon, Polygon } from "geojson";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { kindsConflictingWith, type PermitKind } from "./conflict-matrix";
import { livePermitStatuses, type PermitStatus } from "./permit-states";

export type PermitConflict = {
  id: number;
  reference: string;
  kind: PermitKind;
  status: PermitStatus;
  validFrom: string;
  validTo: string;
  overlapSquareMetres: number;
  /** With `withSites` (the staff permit page draws them): the other site and the area in common. */
  site?: MultiPolygon;
  overlap?: MultiPolygon | Polygon;
};

/**
 * The conflict query: pending or in-force permits of a conflicting kind (conflict-matrix.ts) whose
 * site shares area with `site` (touching edges only is no conflict) and whose inclusive period
 * overlaps [validFrom, validTo] (a site handed over on the day another starts is a conflict; the
 * next day is not). One statement, served by the GiST index on the site.
 */
export function permitConflictsSql(input: {
  municipalityId: number;
  kind: PermitKind;
  site: MultiPolygon;
  validFrom: string;
  validTo: string;
  excludePermitId?: number | null;
  withSites?: boolean;
}): SQL {
  const kinds = kindsConflictingWith(input.kind);
  return sql`select p.id, p.reference, p.kind, p.status, p.valid_from::text as valid_from, p.valid_to::text as valid_to,
                    round(ST_Area(ST_Intersection(p.site, c.g)::geography))::float8 as overlap_square_metres
                    ${
                      input.withSites
                        ? sql`, ST_AsGeoJSON(p.site, 7) as site, ST_AsGeoJSON(ST_CollectionExtract(ST_Intersection(p.site, c.g), 3), 7) as overlap`
                        : sql``
                    }
             from permits p,
                  (select ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(input.site)}), 4326) as g) c
             where p.municipality_id = ${input.municipalityId}
               and p.id <> ${input.excludePermitId ?? 0}
               and p.status in (${sql.join(
                 livePermitStatuses.map((s) => sql`${s}`),
                 sql`, `,
               )})
               and p.kind in (${sql.join(
                 kinds.map((k) => sql`${k}`),
                 sql`, `,
               )})
               and p.valid_from <= ${input.validTo}::date and p.valid_to >= ${input.validFrom}::date
               and ST_Intersects(p.site, c.g)
               and not ST_Touches(p.site, c.g)
             order by p.valid_from, p.id`;
}

export async function findPermitConflicts(
  input: Parameters<typeof permitConflictsSql>[0] & { db: Database },
): Promise<PermitConflict[]> {
  const rows = await queryRows<{
    id: number;
    reference: string;
    kind: PermitKind;
    status: PermitStatus;
    valid_from: string;
    valid_to: string;
    overlap_square_metres: number;
    site?: string;
    overlap?: string;
  }>(input.db, permitConflictsSql(input));
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    kind: r.kind,
    status: r.status,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    overlapSquareMetres: Number(r.overlap_square_metres),
    ...(r.site ? { site: JSON.parse(r.site) as MultiPolygon } : {}),
    ...(r.overlap ? { overlap: JSON.parse(r.overlap) as MultiPolygon | Polygon } : {}),
  }));
}
