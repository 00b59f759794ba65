import "server-only";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { localDate } from "../calendar/working-days";
import { getEnv } from "../env";
import type { LocalizedText } from "../i18n/config";
import type { Geometry } from "geojson";
import { pointOnSurface, rfc7946Winding, toWkt } from "../geo/geojson-output";

/**
 * The open datasets: anonymised copies of what the public map shows, as GeoJSON and CSV, written to
 * files once a day (and on demand) so downloads do not query the database. No names, emails or
 * phones; no non-public reports or photos; reports of categories that point at homes are moved to
 * the centre of a grid cell of the category's `location_precision_metres`.
 */
export const datasetIds = ["reports", "permits", "districts"] as const;
export type DatasetId = (typeof datasetIds)[number];
export type DatasetFormat = "geojson" | "csv";

export const REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;

type Record_ = { geometry: string; properties: Record<string, string | number | null> };

/** Columns of each dataset, in CSV order (the page lists them too). */
export const datasetFields: Record<DatasetId, string[]> = {
  reports: [
    "code",
    "category",
    "category_sr_latn",
    "category_en",
    "status",
    "created_at",
    "updated_at",
    "due_at",
    "district",
    "supporters",
    "location_precision_m",
    "lng",
    "lat",
    "shape_wkt",
  ],
  permits: [
    "reference",
    "kind",
    "status",
    "valid_from",
    "valid_to",
    "works",
    "holder",
    "contractor",
    "lng",
    "lat",
    "wkt",
  ],
  // Areas: lng/lat is a point on the surface (inside the area), the shape itself is in `wkt`.
  districts: ["code", "name_sr_latn", "name_sr_cyrl", "name_en", "population", "lng", "lat", "wkt"],
};

async function collect(db: Database, id: DatasetId): Promise<Record_[]> {
  if (id === "reports") {
    const rows = await queryRows<{
      geometry: string;
      code: string;
      service_code: string;
      name: LocalizedText;
      status: string;
      created_at: string | Date;
      updated_at: string | Date;
      due_at: string | Date | null;
      district: string | null;
      supporters: number;
      precision: number | null;
      lng: number;
      lat: number;
      shape_wkt: string | null;
    }>(
      db,
      // A drawn line or area is the feature's geometry (WKT in the CSV); public_reports has already
      // reduced a precision category to its grid cell's point and left its shape out.
      sql`select ST_AsGeoJSON(coalesce(r.shape, r.location), 6) as geometry,
                 round(ST_X(r.location)::numeric, 6)::float8 as lng, round(ST_Y(r.location)::numeric, 6)::float8 as lat,
                 ST_AsText(r.shape, 6) as shape_wkt,
                 r.tracking_code as code, c.service_code, c.name, r.status, r.created_at, r.updated_at, r.due_at,
                 d.code as district, r.supporters_count as supporters, c.location_precision_metres as precision
          from public_reports r join service_categories c on c.id = r.category_id left join districts d on d.id = r.district_id
          order by r.created_at, r.id`,
    );
    const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());
    return rows.map((r) => ({
      geometry: r.geometry,
      properties: {
        code: r.code,
        category: r.service_code,
        category_sr_latn: r.name["sr-Latn"],
        category_en: r.name.en,
        status: r.status,
        created_at: iso(r.created_at),
        updated_at: iso(r.updated_at),
        due_at: iso(r.due_at),
        district: r.district,
        supporters: r.supporters,
        location_precision_m: r.precision ?? 0,
        lng: r.lng,
        lat: r.lat,
        shape_wkt: r.shape_wkt,
      },
    }));
  }
  if (id === "permits") {
    const rows = await queryRows<{
      geometry: string;
      reference: string;
      kind: string;
      status: string;
      valid_from: string;
      valid_to: string;
      works: string;
      holder: string | null;
      contractor: string | null;
    }>(
      db,
      sql`select ST_AsGeoJSON(site, 6) as geometry, reference, kind, status, valid_from::text as valid_from, valid_to::text as valid_to,
                 works, holder, contractor
          from public_permits where status in ('granted', 'active', 'completed') and valid_to >= ${localDate(new Date(Date.now() - 365 * 86_400_000))}::date
          order by valid_from, id`,
    );
    return rows.map(({ geometry, ...properties }) => ({ geometry, properties }));
  }
  const rows = await queryRows<{
    geometry: string;
    code: string;
    name: LocalizedText;
    population: number | null;
  }>(db, sql`select ST_AsGeoJSON(area, 6) as geometry, code, name, population from districts order by code`);
  return rows.map((r) => ({
    geometry: r.geometry,
    properties: {
      code: r.code,
      name_sr_latn: r.name["sr-Latn"],
      name_sr_cyrl: r.name["sr-Cyrl"],
      name_en: r.name.en,
      population: r.population,
    },
  }));
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function render(id: DatasetId, records: Record_[], format: DatasetFormat): string {
  if (format === "geojson") {
    return JSON.stringify({
      type: "FeatureCollection",
      features: records.map((r) => ({
        type: "Feature",
        geometry: rfc7946Winding(JSON.parse(r.geometry) as Geometry),
        properties: r.properties,
      })),
    });
  }
  const header = datasetFields[id];
  const lines = records.map((r) => {
    const geometry = JSON.parse(r.geometry) as Geometry;
    const [lng, lat] = pointOnSurface(geometry);
    // A report carries its own point (on its shape); other datasets take one on the geometry's surface.
    const row = { lng, lat, wkt: toWkt(rfc7946Winding(geometry)), ...r.properties } as Record<
      string,
      unknown
    >;
    return header.map((h) => csvCell(row[h])).join(",");
  });
  // A byte-order mark so spreadsheet programs read the Serbian letters as UTF-8.
  return `\uFEFF${header.join(",")}\r\n${lines.join("\r\n")}\r\n`;
}

function dir(): string {
  return path.resolve(getEnv().OPEN_DATA_DIR);
}

export function datasetPath(id: DatasetId, format: DatasetFormat): string {
  return path.join(dir(), `${id}.${format}`);
}

/** Writes every dataset in both formats (atomically, file by file). */
export async function generateOpenData(db: Database): Promise<Date> {
  fs.mkdirSync(dir(), { recursive: true });
  for (const id of datasetIds) {
    const records = await collect(db, id);
    for (const format of ["geojson", "csv"] as const) {
      const target = datasetPath(id, format);
      fs.writeFileSync(`${target}.tmp`, render(id, records, format));
      fs.renameSync(`${target}.tmp`, target);
    }
  }
  return new Date();
}

/** When the files were last written, or null when they do not exist yet. */
export function generatedAt(): Date | null {
  try {
    return fs.statSync(datasetPath("reports", "geojson")).mtime;
  } catch {
    return null;
  }
}

/** Regenerates when the files are missing or older than a day. */
export async function ensureOpenData(db: Database, now = new Date()): Promise<Date> {
  const at = generatedAt();
  if (at && now.getTime() - at.getTime() < REFRESH_AFTER_MS) return at;
  return generateOpenData(db);
}
