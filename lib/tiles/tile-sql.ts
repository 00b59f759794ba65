import { MIN_SHAPE_ZOOM } from "./shape-zoom";
import { HALF_WORLD_METRES, MAX_CLUSTER_ZOOM, TILE_BUFFER, TILE_EXTENT, WORLD_METRES } from "./tile-grid";

/**
 * The SQL of each tile layer, as text with named parameters (`:z`, `:categories`…) shared by both
 * engines; `compileTileQuery` turns the names into `$n` and the values into a list. A server wraps the rows in ST_AsMVT (`mvtQuery`); the embedded engine, whose
 * PostGIS has no protobuf, takes the rows with lng/lat or GeoJSON and encodes them in JS.
 */
export type TileLayer = "reports" | "shapes" | "permits" | "districts";

const envelope = "ST_TileEnvelope(:z::int, :x::int, :y::int)";
// The tile plus the buffer MapLibre draws beyond its edge, so symbols at edges are not cut.
const searchEnvelope = `ST_TileEnvelope(:z::int, :x::int, :y::int, margin => ${TILE_BUFFER / TILE_EXTENT})`;

/** Must agree with report_status_group() in the migration; a test compares them. */
export const statusGroupSql = `report_status_group(r.status::text)`;

/**
 * The `current` scope (lib/reports/public-filters.ts): a finished report counts while it was
 * finished within :recentDays of the start of today. Rejected and duplicate reports carry no
 * resolution time; their last change stands for it.
 */
const finishedRecently = `coalesce(r.resolved_at, r.closed_at, r.updated_at) >= :today::timestamptz - make_interval(days => :recentDays::int)`;

// Categories are service codes; `today` is the start of the day, so a tile is the same all day.
// What is public, and how precisely, is the public_reports view's rule (migration 0019).
const reportFilters = `true
  and (:categories::text[] is null or r.service_code = any(:categories::text[]))
  and (:statusGroups::text[] is null or ${statusGroupSql} = any(:statusGroups::text[]))
  and (:periodDays::int is null or r.created_at >= :today::timestamptz - make_interval(days => :periodDays::int))
  and (:district::text is null or r.district_id in (select id from districts where code = :district::text))
  and (:recentDays::int is null or ${statusGroupSql} in ('open', 'in_progress') or ${finishedRecently})`;

const ageBucket = `case when r.created_at >= :today::timestamptz - interval '7 days' then 'week'
  when r.created_at >= :today::timestamptz - interval '30 days' then 'month'
  when r.created_at >= :today::timestamptz - interval '365 days' then 'year' else 'older' end`;

type Geometry = "mvt" | "lnglat" | "geojson";

function reportPoints(geometry: Geometry): string {
  const geom =
    geometry === "mvt"
      ? `ST_AsMVTGeom(r.location_3857, ${envelope}, ${TILE_EXTENT}, ${TILE_BUFFER}, true) as geom`
      : `ST_X(r.location) as lng, ST_Y(r.location) as lat`;
  return `select r.tracking_code as id, r.service_code as category, ${statusGroupSql} as status_group, ${ageBucket} as age, ${geom}
    from public_reports r
    where r.location_3857 && ${searchEnvelope} and ${reportFilters}
    order by r.id`;
}

const groupCounts = `sum(reports)::int as count,
  coalesce(sum(reports) filter (where status_group = 'open'), 0)::int as open,
  coalesce(sum(reports) filter (where status_group = 'in_progress'), 0)::int as in_progress,
  coalesce(sum(reports) filter (where status_group = 'resolved'), 0)::int as resolved,
  coalesce(sum(reports) filter (where status_group = 'closed'), 0)::int as closed`;

function clusterGeom(geometry: Geometry): string {
  const centre = `ST_SetSRID(ST_MakePoint(sx / count, sy / count), 3857)`;
  return geometry === "mvt"
    ? `ST_AsMVTGeom(${centre}, ${envelope}, ${TILE_EXTENT}, ${TILE_BUFFER}, true) as geom`
    : `ST_X(ST_Transform(${centre}, 4326)) as lng, ST_Y(ST_Transform(${centre}, 4326)) as lat`;
}

/**
 * Clusters from the maintained counts (no period or district filter): the band's cells in the
 * tile (x0..x1, y0..y1), `group` of them to a side in each of the tile's clusters (16×16 up to z11).
 */
function storedClusters(geometry: Geometry, allCategories: boolean, current: boolean): string {
  // Unfiltered by category: the cells' all-categories rows (category 0, public categories only).
  const rows = (table: string) =>
    allCategories
      ? `select k.cell_x, k.cell_y, k.status_group, k.reports, k.sum_x, k.sum_y
      from ${table} k
      where k.category_id = 0 and k.band = :band::smallint and k.cell_x between :x0::int and :x1::int and k.cell_y between :y0::int and :y1::int
        and (:statusGroups::text[] is null or k.status_group = any(:statusGroups::text[]))`
      : `select k.cell_x, k.cell_y, k.status_group, k.reports, k.sum_x, k.sum_y
      from ${table} k join service_categories c on c.id = k.category_id
      where k.band = :band::smallint and k.cell_x between :x0::int and :x1::int and k.cell_y between :y0::int and :y1::int
        and c.is_public and c.service_code = any(:categories::text[])
        and (:statusGroups::text[] is null or k.status_group = any(:statusGroups::text[]))`;
  // The current scope: unfinished reports from the maintained counts, recently finished ones counted
  // live (a month's worth, a few per cent of the year's) onto the same band cells.
  const unfinished = current ? ` and k.status_group in ('open', 'in_progress')` : "";
  const cell = `(${WORLD_METRES} / (2 ^ :band::int) / 16)`;
  const recent = current
    ? `union all
      select floor((ST_X(r.location_3857) + ${HALF_WORLD_METRES}) / ${cell})::int, floor((${HALF_WORLD_METRES} - ST_Y(r.location_3857)) / ${cell})::int,
             ${statusGroupSql}, 1, ST_X(r.location_3857), ST_Y(r.location_3857)
      from public_reports r
      where r.location_3857 && ${envelope} and ${statusGroupSql} in ('resolved', 'closed') and ${finishedRecently}
        and (:categories::text[] is null or r.service_code = any(:categories::text[]))
        and (:statusGroups::text[] is null or ${statusGroupSql} = any(:statusGroups::text[]))`
    : "";
  return `with members as (
      ${rows("report_clusters")}${unfinished}
      union all
      ${rows("report_cluster_deltas")}${unfinished}
      ${recent}
    ), cells as (
      select cell_x / :group::int as gx, cell_y / :group::int as gy, ${groupCounts}, sum(sum_x) as sx, sum(sum_y) as sy
      from members group by 1, 2 having sum(reports) > 0
    )
    select count, open, in_progress, resolved, closed, ${clusterGeom(geometry)} from cells
    order by gy, gx`;
}

/** Clusters counted from the reports themselves, when a period or district narrows them. */
function liveClusters(geometry: Geometry): string {
  const size = `(${WORLD_METRES} / (2 ^ :z::int) / 16)`;
  return `with members as (
      select ST_X(r.location_3857) as px, ST_Y(r.location_3857) as py, ${statusGroupSql} as status_group, 1 as reports
      from public_reports r
      where r.location_3857 && ${envelope} and ${reportFilters}
    ), cells as (
      select floor((px + ${HALF_WORLD_METRES}) / ${size})::int as gx, floor((${HALF_WORLD_METRES} - py) / ${size})::int as gy,
             ${groupCounts}, sum(px) as sx, sum(py) as sy
      from members group by 1, 2
    )
    select count, open, in_progress, resolved, closed, ${clusterGeom(geometry)} from cells
    order by gy, gx`;
}

/**
 * The drawn lines and areas of public reports, drawn under the points. A category published only
 * to a grid cell (`location_precision_metres`) publishes no shape: an exact line would undo it.
 */
function reportShapes(geometry: Geometry): string {
  const geom =
    geometry === "mvt"
      ? `ST_AsMVTGeom(r.shape_3857, ${envelope}, ${TILE_EXTENT}, ${TILE_BUFFER}, true) as geom`
      : `ST_AsGeoJSON(r.shape) as geojson`;
  // public_reports publishes no shape for a category shown at reduced precision.
  return `select r.tracking_code as id, r.service_code as category, ${statusGroupSql} as status_group, ${geom}
    from public_reports r
    where r.shape is not null and r.shape_3857 && ${searchEnvelope} and :z::int >= ${MIN_SHAPE_ZOOM}
      and ${reportFilters}
    order by r.id`;
}

function permitSites(geometry: Geometry): string {
  const geom =
    geometry === "mvt"
      ? `ST_AsMVTGeom(p.site_3857, ${envelope}, ${TILE_EXTENT}, ${TILE_BUFFER}, true) as geom`
      : `ST_AsGeoJSON(p.site) as geojson`;
  // Public fields only: never the holder (a private person's name is personal data).
  return `select p.reference as id, p.kind::text as kind, p.status::text as status,
      p.valid_from::text as valid_from, p.valid_to::text as valid_to, ${geom}
    from public_permits p
    where p.site_3857 && ${searchEnvelope} and p.status in ('granted', 'active') and p.valid_to >= :today::date
    order by p.id`;
}

function districtAreas(geometry: Geometry): string {
  const geom =
    geometry === "mvt"
      ? `ST_AsMVTGeom(d.area_3857, ${envelope}, ${TILE_EXTENT}, ${TILE_BUFFER}, true) as geom`
      : `ST_AsGeoJSON(d.area) as geojson`;
  return `select d.code as id, m.code as municipality, ${geom}
    from districts d join municipalities m on m.id = d.municipality_id
    where d.area_3857 && ${searchEnvelope}
    order by d.id`;
}

export type TileQuery = {
  name: string;
  sourceLayer: string;
  text: string;
  params: string[];
  geometry: "point" | "polygon";
};

/** `:name::type` → `$n::type`, in order of first use. */
function compile(text: string): { text: string; params: string[] } {
  const params: string[] = [];
  const compiled = text.replace(/(?<!:):([a-zA-Z][a-zA-Z0-9]*)/g, (_, name: string) => {
    let i = params.indexOf(name);
    if (i < 0) i = params.push(name) - 1;
    return `$${i + 1}`;
  });
  return { text: compiled, params };
}

/** The query for one layer at one zoom, as rows (embedded) or as one finished MVT (server). */
export function tileQuery(
  layer: TileLayer,
  z: number,
  options: { live: boolean; mvt: boolean; allCategories?: boolean; current?: boolean },
): TileQuery {
  const geometry: Geometry = options.mvt ? "mvt" : layer === "reports" ? "lnglat" : "geojson";
  const clusters = layer === "reports" && z <= MAX_CLUSTER_ZOOM;
  const sourceLayer = clusters ? "clusters" : layer;
  const rows =
    layer === "reports"
      ? clusters
        ? options.live
          ? liveClusters(geometry)
          : storedClusters(geometry, options.allCategories ?? true, options.current ?? false)
        : reportPoints(geometry)
      : layer === "shapes"
        ? reportShapes(geometry)
        : layer === "permits"
          ? permitSites(geometry)
          : districtAreas(geometry);
  const kind =
    clusters && options.live
      ? "live"
      : clusters && !(options.allCategories ?? true)
        ? "stored_by_category"
        : "stored";
  const scope = clusters && !options.live && options.current ? "_current" : "";
  const name = `tile_${sourceLayer}_${kind}${scope}_${geometry}`;
  const { text, params } = compile(
    options.mvt
      ? `select ST_AsMVT(q, '${sourceLayer}', ${TILE_EXTENT}, 'geom') as tile from (${rows}) q where q.geom is not null`
      : rows,
  );
  return { name, sourceLayer, text, params, geometry: layer === "reports" ? "point" : "polygon" };
}
