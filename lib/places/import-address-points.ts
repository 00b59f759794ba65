import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import { addressPoints } from "../../db/schema";
import { transaction } from "../../db/transaction";
import { GeodataError } from "../geodata/geodata-error";
import { readGeodataFile } from "../geodata/read-geodata-file";
import { parseCsv } from "../import/parse-csv";
import { foldForSearch } from "../i18n/transliterate";
import { normaliseHouseNumber } from "./geocode-address";

/** A house number as municipalities write it: 10, 10a, 10 A, 10/2. "bb" (no number) is not an address point. */
const HOUSE_NUMBER = /^\d{1,4}\s*\p{L}?(?:\/\d{1,3})?$/u;

const STREET_COLUMNS = ["street", "ulica", "улица", "street_name", "naziv_ulice"];
const NUMBER_COLUMNS = ["number", "broj", "број", "house_number", "kucni_broj"];
const LON_COLUMNS = ["lon", "lng", "long", "longitude", "x"];
const LAT_COLUMNS = ["lat", "latitude", "y"];

type Row = { row: number; street: string; number: string; lon: number; lat: number };

function pick(record: Record<string, unknown>, names: string[]): string {
  const key = Object.keys(record).find((k) => names.includes(k.trim().toLowerCase()));
  const value = key === undefined ? undefined : record[key];
  return value === undefined || value === null ? "" : String(value).trim();
}

/** The rows of a CSV (street, number, lon, lat in WGS 84) or of a point layer (GeoJSON, Shapefile, GeoPackage). */
async function readRows(bytes: Uint8Array, fileName: string): Promise<Row[]> {
  if (fileName.toLowerCase().endsWith(".csv")) {
    const csv = parseCsv(new TextDecoder().decode(bytes));
    const header = csv.header.map((h) => h.trim().toLowerCase());
    return csv.rows.map((cells, i) => {
      const record = Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ""]));
      const lon = pick(record, LON_COLUMNS).replace(",", ".");
      const lat = pick(record, LAT_COLUMNS).replace(",", ".");
      return {
        row: i + 2,
        street: pick(record, STREET_COLUMNS),
        number: pick(record, NUMBER_COLUMNS),
        lon: lon === "" ? NaN : Number(lon),
        lat: lat === "" ? NaN : Number(lat),
      };
    });
  }
  const file = await readGeodataFile({ bytes, fileName });
  return file.features.map((f) => {
    const point = f.geometry?.type === "Point" ? f.geometry.coordinates : null;
    return {
      row: f.index + 1,
      street: pick(f.properties, STREET_COLUMNS),
      number: pick(f.properties, NUMBER_COLUMNS),
      lon: point ? Number(point[0]) : NaN,
      lat: point ? Number(point[1]) : NaN,
    };
  });
}

/**
 * Imports a municipality's address points (house numbers with their position), replacing the
 * ones imported before in one transaction. Any bad row — no street, a number that is not a house
 * number, no point, a point outside the municipality — refuses the whole file with a localized
 * error naming the row, and nothing changes. The geocoder prefers these points to interpolation.
 */
export async function importAddressPoints(input: {
  db: Database;
  municipalityId: number;
  bytes: Uint8Array;
  fileName: string;
}): Promise<{ importId: string; count: number }> {
  const rows = await readRows(input.bytes, input.fileName);
  if (rows.length === 0) throw new GeodataError("geodataNoFeatures");
  for (const r of rows) {
    if (!r.street) throw new GeodataError("addressPointStreetMissing", { row: r.row });
    if (!HOUSE_NUMBER.test(r.number))
      throw new GeodataError("addressPointNumberInvalid", { row: r.row, number: r.number.slice(0, 20) });
    if (!Number.isFinite(r.lon) || !Number.isFinite(r.lat) || Math.abs(r.lon) > 180 || Math.abs(r.lat) > 90)
      throw new GeodataError("addressPointNoPosition", { row: r.row });
  }
  const json = JSON.stringify(rows.map((r) => ({ row: r.row, lon: r.lon, lat: r.lat })));
  const outside = await queryOne<{ row: number | null }>(
    input.db,
    sql`select min((p->>'row')::int) as row
        from jsonb_array_elements(${json}::jsonb) p, municipalities m
        where m.id = ${input.municipalityId}
          and not ST_Covers(m.boundary,
                ST_SetSRID(ST_MakePoint((p->>'lon')::float8, (p->>'lat')::float8), 4326))`,
  );
  if (outside?.row != null) throw new GeodataError("addressPointOutside", { row: outside.row });
  const importId = randomUUID();
  await transaction(input.db, async (tx) => {
    await tx.delete(addressPoints).where(sql`municipality_id = ${input.municipalityId}`);
    for (let i = 0; i < rows.length; i += 500) {
      await tx.insert(addressPoints).values(
        rows.slice(i, i + 500).map((r) => ({
          municipalityId: input.municipalityId,
          street: r.street,
          streetKey: foldForSearch(r.street),
          number: r.number,
          numberKey: normaliseHouseNumber(r.number),
          geom: { type: "Point" as const, coordinates: [r.lon, r.lat] },
          importId,
        })),
      );
    }
  });
  return { importId, count: rows.length };
}
