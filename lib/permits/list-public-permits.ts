import "server-only";
import { sql } from "drizzle-orm";
import type { FeatureCollection, MultiPolygon } from "geojson";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { envelopeSql, type BBox } from "../geo/sql";
import { localDate } from "../calendar/working-days";

/**
 * Works sites the public sees: granted or active permits that have not ended. A private
 * holder's name is personal data and is left out; a company's name is public.
 */
export type PublicPermitProperties = {
  reference: string;
  kind: "construction" | "excavation" | "street_occupancy" | "event";
  status: "granted" | "active";
  validFrom: string;
  validTo: string;
  works: string;
  holder: string | null;
  contractor: string | null;
};

export async function listPublicPermits(input: {
  db: Database;
  bbox: BBox;
  today?: Date;
}): Promise<FeatureCollection<MultiPolygon, PublicPermitProperties>> {
  const today = localDate(input.today ?? new Date());
  const rows = await queryRows<{
    reference: string;
    kind: PublicPermitProperties["kind"];
    status: PublicPermitProperties["status"];
    valid_from: string | Date;
    valid_to: string | Date;
    works: string;
    holder: string | null;
    contractor: string | null;
    geometry: string;
  }>(
    input.db,
    sql`select reference, kind, status, valid_from::text as valid_from, valid_to::text as valid_to,
               works, holder, contractor, ST_AsGeoJSON(site, 6) as geometry
        from public_permits
        where site && ${envelopeSql(input.bbox)}
          and status in ('granted', 'active')
          and valid_to >= ${today}::date
        order by valid_from`,
  );
  return {
    type: "FeatureCollection",
    features: rows.map((row) => ({
      type: "Feature",
      geometry: JSON.parse(row.geometry) as MultiPolygon,
      properties: {
        reference: row.reference,
        kind: row.kind,
        status: row.status,
        validFrom: String(row.valid_from),
        validTo: String(row.valid_to),
        works: row.works,
        holder: row.holder,
        contractor: row.contractor,
      },
    })),
  };
}
