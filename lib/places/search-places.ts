import "server-only";
import { sql } from "drizzle-orm";
import type { Position } from "geojson";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { localized, type Locale, type LocalizedText } from "../i18n/config";
import { foldForSearch } from "../i18n/transliterate";

export type PlaceHit = { name: string; kind: "street" | "place" | "landmark"; position: Position };

/**
 * Address and place search in the served municipalities, tolerant of script and diacritics
 * ("cuprija" finds "Ћуприја"). Names starting with the query rank first.
 */
export async function searchPlaces(input: {
  db: Database;
  query: string;
  locale: Locale;
  limit?: number;
}): Promise<PlaceHit[]> {
  const folded = foldForSearch(input.query.trim()).replace(/[%_\\]/g, "");
  if (folded.length < 2) return [];
  const like = `%${folded}%`;
  const rows = await queryRows<{
    name: LocalizedText;
    kind: PlaceHit["kind"];
    geometry: string;
    starts: boolean;
  }>(
    input.db,
    sql`select name, kind::text as kind, ST_AsGeoJSON(ST_PointOnSurface(geom), 6) as geometry,
               search_key like ${`${folded}%`} as starts
        from gazetteer where search_key like ${like}
        order by starts desc, kind, search_key
        limit ${input.limit ?? 8}`,
  );
  return rows.map((row) => ({
    name: localized(row.name, input.locale),
    kind: row.kind,
    position: (JSON.parse(row.geometry) as { coordinates: Position }).coordinates,
  }));
}
