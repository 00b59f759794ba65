import "server-only";
import { sql } from "drizzle-orm";
import type { Position } from "geojson";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { localized, type Locale, type LocalizedText } from "../i18n/config";
import { foldForSearch } from "../i18n/transliterate";

/**
 * How the position was found: `address` (the municipality's own address point for that house
 * number), `interpolated` along the street by the house number, `street` (no number given: a point
 * on the street), `place` (a settlement or landmark).
 */
export type GeocodePrecision = "address" | "interpolated" | "street" | "place";

export type GeocodedAddress = {
  /** The address as matched, in the caller's script: "Karađorđeva 10, Ćuprija". */
  matched: string;
  precision: GeocodePrecision;
  position: Position;
  municipalityId: number;
};

/**
 * Metres of street per house number on one side. Serbian numbering puts odd numbers on one side
 * and even on the other, so number n is about n/2 plots from the start; a town plot is ~20 m wide.
 * Without address points this is an estimate, said so by `precision: "interpolated"`.
 */
const METRES_PER_PLOT = 20;

/** A house number as matched against address points: "10A", "10 a", "10a" and "10а" are one number. */
export function normaliseHouseNumber(text: string): string {
  return foldForSearch(text).replace(/\s+/g, "");
}

/** "Karađorđeva 10a, Ćuprija" → street, house number, town (each optional but the street). */
export function parseAddress(text: string): {
  street: string;
  number?: number;
  suffix?: string;
  town?: string;
} {
  const [left = "", ...rest] = text.split(",");
  const town = rest.join(",").trim() || undefined;
  const m = /^(.*?)[\s.]+(\d{1,4})\s*([a-zA-Zа-яА-Я]?)(?:\s*\/\s*\d+)?$/.exec(left.trim());
  if (m && m[1]!.trim().length >= 2)
    return { street: m[1]!.trim(), number: Number(m[2]), suffix: m[3] || undefined, town };
  return { street: left.replace(/\s+bb$/i, "").trim(), town };
}

/**
 * Geocodes an address with a house number against the gazetteer of the served municipalities:
 * the street by its folded name (any script, with or without diacritics), narrowed to the town
 * when one is given; then the municipality's address point for that street and number when it
 * imported one, else the number's position interpolated along the street's longest part.
 * A bare street or place name gives a point on it. Null when nothing matches.
 */
export async function geocodeAddress(input: {
  db: Database;
  query: string;
  locale: Locale;
}): Promise<GeocodedAddress | null> {
  const parsed = parseAddress(input.query);
  const street = foldForSearch(parsed.street).replace(/[%_\\]/g, "");
  if (street.length < 2) return null;
  const town = parsed.town ? foldForSearch(parsed.town).replace(/[%_\\]/g, "") : null;
  const offsetMetres = parsed.number
    ? Math.max(0, Math.ceil(parsed.number / 2) - 0.5) * METRES_PER_PLOT
    : null;
  const numberKey = parsed.number ? normaliseHouseNumber(`${parsed.number}${parsed.suffix ?? ""}`) : null;
  const rows = await queryRows<{
    name: LocalizedText;
    town: LocalizedText;
    kind: "street" | "place" | "landmark";
    municipality_id: number;
    geometry: string;
    interpolated: boolean;
    point_number: string | null;
  }>(
    input.db,
    sql`with hits as (
          select g.name, m.name as town, g.kind::text as kind, g.municipality_id, g.geom, g.search_key,
                 g.search_key = ${street} as exact
          from gazetteer g join municipalities m on m.id = g.municipality_id
          where (g.search_key = ${street} or g.search_key like ${`${street}%`})
            and (${town}::text is null or exists (
                   select 1 from gazetteer p where p.municipality_id = g.municipality_id and p.kind = 'place'
                     and p.search_key = ${town})
                 or lower(m.name->>'sr-Latn') = ${town} or lower(m.code) = ${town})
          order by exact desc, (g.kind = 'street') desc, g.search_key
          limit 1
        ),
        point as (
          select a.geom, a.number from hits h join address_points a
            on a.municipality_id = h.municipality_id and a.street_key = h.search_key
               and a.number_key = ${numberKey}
          where h.kind = 'street'
          order by a.id limit 1
        ),
        part as (
          select h.*, (select d.geom from ST_Dump(ST_LineMerge(ST_CollectionExtract(h.geom, 2))) d
                       order by ST_Length(d.geom::geography) desc limit 1) as line
          from hits h
        )
        select name, town, kind, municipality_id,
               ST_AsGeoJSON(case
                 when exists (select 1 from point) then (select geom from point)
                 when ${offsetMetres}::float8 is not null and line is not null then
                   ST_LineInterpolatePoint(line,
                     least(0.999, ${offsetMetres}::float8 / greatest(ST_Length(line::geography), 1)))
                 else ST_PointOnSurface(geom) end, 6) as geometry,
               (${offsetMetres}::float8 is not null and line is not null) as interpolated,
               (select number from point) as point_number
        from part`,
  );
  const row = rows[0];
  if (!row) return null;
  const streetName = localized(row.name, input.locale);
  const townName = localized(row.town, input.locale);
  // An address point is named as the municipality wrote it; an estimate by the number asked for.
  const number =
    row.point_number !== null
      ? ` ${row.point_number}`
      : row.interpolated
        ? ` ${parsed.number}${parsed.suffix ?? ""}`
        : "";
  return {
    matched: `${streetName}${number}, ${townName}`,
    precision:
      row.point_number !== null
        ? "address"
        : row.interpolated
          ? "interpolated"
          : row.kind === "street"
            ? "street"
            : "place",
    position: (JSON.parse(row.geometry) as { coordinates: Position }).coordinates,
    municipalityId: row.municipality_id,
  };
}
