import "server-only";
import { sql } from "drizzle-orm";
import type { FeatureCollection, MultiPolygon } from "geojson";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { localized, type Locale, type LocalizedText } from "../i18n/config";

export type AreaProperties = { layer: "boundary" | "district"; code: string; name: string };

/** The municipal boundary and its districts, for drawing on any basemap (or none). */
export async function getAreasGeoJson(input: {
  db: Database;
  municipalityId: number;
  locale: Locale;
}): Promise<FeatureCollection<MultiPolygon, AreaProperties>> {
  const rows = await queryRows<{
    layer: AreaProperties["layer"];
    code: string;
    name: LocalizedText;
    geometry: string;
  }>(
    input.db,
    sql`select 'boundary' as layer, code, name, ST_AsGeoJSON(boundary, 6) as geometry
        from municipalities where id = ${input.municipalityId}
        union all
        select 'district', code, name, ST_AsGeoJSON(area, 6) from districts where municipality_id = ${input.municipalityId}
        order by 1, 2`,
  );
  return {
    type: "FeatureCollection",
    features: rows.map((row) => ({
      type: "Feature",
      geometry: JSON.parse(row.geometry) as MultiPolygon,
      properties: { layer: row.layer, code: row.code, name: localized(row.name, input.locale) },
    })),
  };
}
