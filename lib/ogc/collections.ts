import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Feature, Geometry } from "geojson";
import type { Database } from "../../db/client";
import { queryOne, queryRows } from "../../db/query";
import { rfc7946Winding } from "../geo/geojson-output";
import { envelopeSql, type BBox } from "../geo/sql";
import { endOfLocalDay, localDate } from "../calendar/working-days";
import { localized, type Locale, type LocalizedText } from "../i18n/config";
import { statusGroupOf, type ReportStatus } from "../workflow/states";

/**
 * The feature collections published through OGC API – Features. Each one lists only what the
 * public map shows: reports without anything from report_contacts, permits without private holders.
 */
export type CollectionId = "reports" | "permits" | "districts" | "service-areas";

export type ItemsQuery = {
  bbox?: BBox;
  interval?: { start: Date | null; end: Date | null };
  limit: number;
  offset: number;
  /** Keyset paging: only features whose id sorts after this one (the `cursor` of a `next` link). */
  after?: string | number;
};

type Row = { id: string; geometry: string; properties: Record<string, unknown>; total: number };

type CollectionDef = {
  id: CollectionId;
  title: string;
  description: string;
  /**
   * Whether `datetime` filters this collection, and on which instants: a feature is selected when
   * its [start, end] overlaps the interval asked for (a report is an instant; a permit is in force
   * from the start of its first local day to the end of its last).
   */
  temporal: { start: SQL; end: SQL } | null;
  select: (where: SQL, page: SQL, locale: Locale) => SQL;
  key: SQL;
};

// What the public may see of a report is the public_reports view's rule (migration 0019).
const reportsWhere = sql`true`;

const collections: CollectionDef[] = [
  {
    id: "reports",
    title: "Reports",
    description: "Problems reported by citizens and staff: category, status and dates. No personal data.",
    temporal: { start: sql`r.created_at`, end: sql`r.created_at` },
    key: sql`r.tracking_code`,
    select: (where, page) =>
      // A drawn line or area is the feature's geometry, its pin a property; public_reports already
      // leaves the shape out for a category published only approximately.
      sql`select r.tracking_code as id,
                 ST_AsGeoJSON(coalesce(r.shape, r.location), 6) as geometry,
                 json_build_object('code', r.tracking_code, 'category', c.service_code, 'categoryName', c.name,
                   'status', r.status, 'createdAt', r.created_at, 'updatedAt', r.updated_at, 'dueAt', r.due_at,
                   'district', d.code, 'supporters', r.supporters_count,
                   'point', ST_AsGeoJSON(r.location, 6)::json) as properties,
                 count(*) over ()::int as total
          from public_reports r join service_categories c on c.id = r.category_id left join districts d on d.id = r.district_id
          where ${reportsWhere} and ${where}
          order by r.tracking_code ${page}`,
  },
  {
    id: "permits",
    title: "Permitted works",
    description:
      "Granted and active works sites: kind, dates and works. A private holder's name is left out.",
    temporal: {
      start: sql`(p.valid_from::timestamp at time zone 'Europe/Belgrade')`,
      end: sql`((p.valid_to + 1)::timestamp at time zone 'Europe/Belgrade' - interval '1 millisecond')`,
    },
    key: sql`p.reference`,
    select: (where, page) =>
      sql`select p.reference as id, ST_AsGeoJSON(p.site, 6) as geometry,
                 json_build_object('reference', p.reference, 'kind', p.kind, 'status', p.status,
                   'validFrom', p.valid_from, 'validTo', p.valid_to, 'works', p.works,
                   'holder', p.holder, 'contractor', p.contractor) as properties,
                 count(*) over ()::int as total
          from public_permits p
          where p.status in ('granted', 'active') and p.valid_to >= ${localDate(new Date())}::date and ${where}
          order by p.reference ${page}`,
  },
  {
    id: "districts",
    title: "Local communities",
    description: "Local communities (mesne zajednice) with their population where known.",
    temporal: null,
    key: sql`d.code`,
    select: (where, page) =>
      sql`select d.code as id, ST_AsGeoJSON(d.area, 6) as geometry,
                 json_build_object('code', d.code, 'name', d.name, 'population', d.population) as properties,
                 count(*) over ()::int as total
          from districts d where ${where} order by d.code ${page}`,
  },
  {
    id: "service-areas",
    title: "Service areas",
    description:
      "Where each organisation with a service area works: utilities that split the town, and so on.",
    temporal: null,
    key: sql`o.code`,
    select: (where, page) =>
      sql`select o.code as id, ST_AsGeoJSON(o.service_area, 6) as geometry,
                 json_build_object('code', o.code, 'kind', o.kind, 'sector', o.sector, 'name', o.name) as properties,
                 count(*) over ()::int as total
          from organisations o where o.active and o.service_area is not null
            and not exists (select 1 from municipalities m where m.id = o.municipality_id and m.is_training) and ${where} order by o.code ${page}`,
  },
];

const geometryColumn: Record<CollectionId, SQL> = {
  reports: sql`r.location`,
  permits: sql`p.site`,
  districts: sql`d.area`,
  "service-areas": sql`o.service_area`,
};

export function collectionIds(): CollectionId[] {
  return collections.map((c) => c.id);
}

export function describeCollection(
  id: string,
): { id: CollectionId; title: string; description: string; temporal: boolean } | null {
  const c = collections.find((x) => x.id === id);
  return c ? { id: c.id, title: c.title, description: c.description, temporal: c.temporal !== null } : null;
}

/** The properties that carry a feature's time, for the temporal extent. */
const temporalProperties: Partial<Record<CollectionId, [string, string]>> = {
  reports: ["createdAt", "createdAt"],
  permits: ["validFrom", "validTo"],
};

/**
 * The time a collection's public features span (first start, last end), for the collection
 * description; read from the same query the items come from, so it covers what the public sees.
 */
export async function collectionTemporalExtent(
  db: Database,
  id: CollectionId,
): Promise<[string | null, string | null] | null> {
  const c = collections.find((x) => x.id === id)!;
  const fields = temporalProperties[id];
  if (!c.temporal || !fields) return null;
  const row = await queryOne<{ first: string | null; last: string | null }>(
    db,
    sql`select min(f.properties->>${fields[0]}) as first, max(f.properties->>${fields[1]}) as last
        from (${c.select(sql`true`, sql``, "en")}) f`,
  );
  const iso = (v: string | null | undefined, end: boolean) =>
    !v
      ? null
      : /^\d{4}-\d{2}-\d{2}$/.test(v)
        ? (end ? endOfLocalDay(v) : new Date(`${v}T00:00:00Z`)).toISOString()
        : new Date(v).toISOString();
  return [iso(row?.first, false), iso(row?.last, true)];
}

/** The spatial extent of a collection (its features' bounding box), for the collection description. */
export async function collectionExtent(db: Database, id: CollectionId): Promise<BBox | null> {
  const column = geometryColumn[id];
  const from: Record<CollectionId, SQL> = {
    reports: sql`public_reports r join service_categories c on c.id = r.category_id where ${reportsWhere}`,
    permits: sql`public_permits p where p.status in ('granted', 'active')`,
    districts: sql`districts d where true`,
    "service-areas": sql`organisations o where o.service_area is not null`,
  };
  const row = await queryOne<{ xmin: number | null; ymin: number; xmax: number; ymax: number }>(
    db,
    sql`select ST_XMin(e) as xmin, ST_YMin(e) as ymin, ST_XMax(e) as xmax, ST_YMax(e) as ymax
        from (select ST_Extent(${column}) as e from ${from[id]}) s`,
  );
  return row && row.xmin !== null
    ? [Number(row.xmin), Number(row.ymin), Number(row.xmax), Number(row.ymax)]
    : null;
}

function localize(properties: Record<string, unknown>, locale: Locale): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) {
    out[key] =
      value && typeof value === "object" && "sr-Latn" in (value as object)
        ? localized(value as LocalizedText, locale)
        : value;
  }
  if (typeof out.status === "string" && out.status in statusGroupOf)
    out.statusGroup = statusGroupOf[out.status as ReportStatus];
  return out;
}

function toFeature(row: Row, locale: Locale): Feature {
  return {
    type: "Feature",
    id: row.id,
    geometry: rfc7946Winding(JSON.parse(row.geometry) as Geometry),
    properties: localize(row.properties, locale),
  };
}

export async function queryItems(input: {
  db: Database;
  id: CollectionId;
  query: ItemsQuery;
  locale: Locale;
}): Promise<{ features: Feature[]; numberMatched: number }> {
  const c = collections.find((x) => x.id === input.id)!;
  const filters: SQL[] = [sql`true`];
  if (input.query.bbox) filters.push(sql`${geometryColumn[c.id]} && ${envelopeSql(input.query.bbox)}`);
  if (input.query.interval && c.temporal) {
    if (input.query.interval.start)
      filters.push(sql`${c.temporal.end} >= ${input.query.interval.start.toISOString()}::timestamptz`);
    if (input.query.interval.end)
      filters.push(sql`${c.temporal.start} <= ${input.query.interval.end.toISOString()}::timestamptz`);
  }
  // Pages follow the feature id, so a feature added or removed between two pages never makes
  // another one repeat or go missing (GDAL pages through a layer 10 or 100 at a time).
  const page =
    input.query.after === undefined ? filters : [...filters, sql`${c.key} > ${String(input.query.after)}`];
  const rows = await queryRows<Row>(
    input.db,
    c.select(
      sql.join(page, sql` and `),
      sql`limit ${input.query.limit} offset ${input.query.offset}`,
      input.locale,
    ),
  );
  if (input.query.after !== undefined || (rows.length === 0 && input.query.offset > 0)) {
    // Past the end, or a keyset page: count without the page, so numberMatched stays the whole match.
    const all = await queryRows<Row>(
      input.db,
      c.select(sql.join(filters, sql` and `), sql`limit 1`, input.locale),
    );
    return { features: rows.map((r) => toFeature(r, input.locale)), numberMatched: all[0]?.total ?? 0 };
  }
  return { features: rows.map((r) => toFeature(r, input.locale)), numberMatched: rows[0]?.total ?? 0 };
}

export async function getItem(input: {
  db: Database;
  id: CollectionId;
  featureId: string;
  locale: Locale;
}): Promise<Feature | null> {
  const c = collections.find((x) => x.id === input.id)!;
  const rows = await queryRows<Row>(
    input.db,
    c.select(sql`${c.key} = ${input.featureId}`, sql`limit 1`, input.locale),
  );
  return rows[0] ? toFeature(rows[0], input.locale) : null;
}
