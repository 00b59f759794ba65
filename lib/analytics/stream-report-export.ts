import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne, queryRows } from "../../db/query";
import { localized, type Locale, type LocalizedText } from "../i18n/config";
import { csvLine } from "./csv";
import type { AnalyticsFilters } from "./filters";
import { reportDistrictId, reportScope } from "./report-scope";

export const exportFormats = ["csv", "geojson"] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Rows fetched per query: small enough to keep memory flat, large enough that a million rows take few round trips. */
export const EXPORT_BATCH_SIZE = 2000;

/**
 * The exported columns. Who reported is not among them: contact details live in report_contacts,
 * which the export never joins.
 */
export const exportColumns = [
  "tracking_code",
  "created_at",
  "category",
  "category_name",
  "status",
  "priority",
  "channel",
  "organisation",
  "district",
  "address",
  "description",
  "longitude",
  "latitude",
  "due_at",
  "resolved_at",
  "closed_at",
  "supporters",
  "shape_wkt",
] as const;

type ExportRow = {
  id: number;
  tracking_code: string;
  created_at: string;
  category: string;
  category_name: LocalizedText;
  status: string;
  priority: string;
  channel: string;
  organisation: string | null;
  district: string | null;
  address: string | null;
  description: string;
  longitude: number;
  latitude: number;
  due_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  supporters: number;
  /** A drawn line or area (staff export: exact, whatever the category's public precision). */
  shape_wkt: string | null;
  shape_geojson: string | null;
};

type ExportInput = {
  db: Database;
  municipalityId: number;
  filters: AnalyticsFilters;
  locale: Locale;
  batchSize?: number;
};

/** How many reports an export of these filters will hold (for the progress bar). */
export async function countReportExport(input: Omit<ExportInput, "locale" | "batchSize">): Promise<number> {
  const row = await queryOne<{ n: number }>(
    input.db,
    sql`select count(*)::int as n from reports r where ${reportScope(input)}`,
  );
  return row?.n ?? 0;
}

/**
 * The filtered reports as a CSV or GeoJSON byte stream, read from the database in keyset-paged
 * batches (by id) as the client reads: one batch in memory at a time on both engines, whatever the
 * number of rows. GeoJSON puts one feature per line so a reader can count progress by lines.
 */
export function streamReportExport(
  input: ExportInput & {
    format: ExportFormat;
    /** Opens the caller's access scope for one read (asStaff with the user's claims). */
    read?: <T>(fn: (db: Database) => Promise<T>) => Promise<T>;
  },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batchSize = input.batchSize ?? EXPORT_BATCH_SIZE;
  let lastId = 0;
  let first = true;
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (done) return;
        // A stream outlives its request's transaction: each batch reads in its own (the caller's scope).
        const rows = input.read
          ? await input.read((db) => fetchBatch({ ...input, db }, lastId, batchSize))
          : await fetchBatch(input, lastId, batchSize);
        let text = "";
        if (first)
          text +=
            input.format === "csv" ? csvLine(exportColumns) : '{"type":"FeatureCollection","features":[\n';
        for (const row of rows) {
          text +=
            input.format === "csv"
              ? csvLine(csvValues(row, input.locale))
              : `${first ? "" : ",\n"}${JSON.stringify(feature(row, input.locale))}`;
          first = false;
        }
        first = false;
        if (rows.length < batchSize) {
          if (input.format === "geojson") text += "\n]}\n";
          done = true;
        } else {
          lastId = rows[rows.length - 1]!.id;
        }
        if (text) controller.enqueue(encoder.encode(text));
        if (done) controller.close();
      },
    },
    // One batch ahead at most.
    { highWaterMark: 1 },
  );
}

async function fetchBatch(input: ExportInput, afterId: number, limit: number): Promise<ExportRow[]> {
  return queryRows<ExportRow>(
    input.db,
    sql`select r.id, r.tracking_code, to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as created_at,
               sc.service_code as category, sc.name as category_name, r.status::text as status, r.priority::text as priority,
               r.channel::text as channel, o.code as organisation,
               (select d.code from districts d where d.id = ${reportDistrictId()}) as district,
               r.address, r.description, round(ST_X(r.location)::numeric, 6)::float8 as longitude, round(ST_Y(r.location)::numeric, 6)::float8 as latitude,
               to_char(r.due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as due_at,
               to_char(r.resolved_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as resolved_at,
               to_char(r.closed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as closed_at,
               r.supporters_count as supporters, ST_AsText(r.shape, 6) as shape_wkt, ST_AsGeoJSON(r.shape, 6) as shape_geojson
        from reports r
        join service_categories sc on sc.id = r.category_id
        left join organisations o on o.id = r.assigned_organisation_id
        where ${reportScope(input)} and r.id > ${afterId}
        order by r.id
        limit ${limit}`,
  );
}

function csvValues(row: ExportRow, locale: Locale): Array<string | number | null> {
  return exportColumns.map((column) =>
    column === "category_name" ? localized(row.category_name, locale) : row[column],
  );
}

/** A drawn line or area is the feature's geometry; its point stays in longitude/latitude. */
function feature(row: ExportRow, locale: Locale) {
  const { id: _id, category_name, shape_wkt: _wkt, shape_geojson, ...properties } = row;
  return {
    type: "Feature",
    geometry: shape_geojson
      ? JSON.parse(shape_geojson)
      : { type: "Point", coordinates: [row.longitude, row.latitude] },
    properties: { ...properties, category_name: localized(category_name, locale) },
  };
}
