import "server-only";
import { sql } from "drizzle-orm";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { localized, type Locale, type LocalizedText } from "../i18n/config";
import type { AnalyticsFilters, AnalyticsLayer } from "./filters";
import { hexagonSizeForZoom } from "./hexagon-size";
import { reportDistrictId, reportScope } from "./report-scope";

type LayerInput = {
  db: Database;
  municipalityId: number;
  filters: AnalyticsFilters;
  locale: Locale;
  zoom: number;
};

export type MapLayer = FeatureCollection<Geometry, Record<string, string | number | null>> & {
  layer: AnalyticsLayer;
  /** Hexagon or heat-cell size in metres; null for districts. */
  cellMetres: number | null;
  /** The largest value among the features, for the legend's scale. */
  max: number;
};

/**
 * One map layer of the analytics workspace, aggregated in the database: district polygons with
 * their counts, hexagons with their counts, or heat cells (centres of a fine grid with a weight).
 * No layer carries individual reports, so the browser never receives every point.
 */
export async function buildMapLayer(input: LayerInput & { layer: AnalyticsLayer }): Promise<MapLayer> {
  switch (input.layer) {
    case "choropleth":
      return districtLayer(input);
    case "hexagons":
      return hexagonLayer(input);
    case "heatmap":
      return heatLayer(input);
  }
}

async function districtLayer(input: LayerInput): Promise<MapLayer> {
  const rows = await queryRows<{
    code: string;
    name: LocalizedText;
    population: number | null;
    reports: number;
    geom: string;
  }>(
    input.db,
    sql`with counted as (
          select ${reportDistrictId()} as district_id, count(*)::int as n
          from reports r where ${reportScope(input)} group by 1
        )
        select d.code, d.name, d.population, coalesce(c.n, 0)::int as reports,
               ST_AsGeoJSON(ST_SimplifyPreserveTopology(d.area, 0.0001), 6) as geom
        from districts d left join counted c on c.district_id = d.id
        where d.municipality_id = ${input.municipalityId}
          ${input.filters.districts.length ? sql`and d.code in ${input.filters.districts}` : sql``}
        order by d.code`,
  );
  const features: Feature<Geometry, Record<string, string | number | null>>[] = rows.map((r) => ({
    type: "Feature",
    geometry: JSON.parse(r.geom) as Geometry,
    properties: {
      code: r.code,
      name: localized(r.name, input.locale),
      reports: r.reports,
      per1000: r.population ? Math.round((r.reports * 1000 * 100) / r.population) / 100 : null,
    },
  }));
  return {
    type: "FeatureCollection",
    features,
    layer: "choropleth",
    cellMetres: null,
    max: Math.max(0, ...rows.map((r) => r.reports)),
  };
}

async function hexagonLayer(input: LayerInput): Promise<MapLayer> {
  const size = hexagonSizeForZoom(input.zoom);
  // Each point takes the first hexagon that covers it (a point on a shared edge is counted once);
  // the grid is anchored at the projection's origin, so (i, j) name the same cell in both steps.
  const rows = await queryRows<{ reports: number; geom: string }>(
    input.db,
    sql`with points as (
          select ST_Transform(r.location, 3857) as g from reports r where ${reportScope(input)}
        ),
        cells as (
          select h.i, h.j, count(*)::int as n
          from points p cross join lateral (
            select i, j from ST_HexagonGrid(${size}::float8, p.g) order by i, j limit 1
          ) h
          group by h.i, h.j
        ),
        extent as (select ST_SetSRID(ST_Extent(g)::geometry, 3857) as g from points)
        -- Clipped to the municipality: a hexagon on the boundary shows only its part inside.
        select c.n as reports,
               ST_AsGeoJSON(ST_CollectionExtract(ST_Intersection(ST_Transform(h.geom, 4326), m.boundary), 3), 6) as geom
        from extent e cross join lateral ST_HexagonGrid(${size}::float8, e.g) h
        join cells c on c.i = h.i and c.j = h.j
        cross join (select boundary from municipalities where id = ${input.municipalityId}) m
        where e.g is not null`,
  );
  return {
    type: "FeatureCollection",
    features: rows.map((r) => ({
      type: "Feature",
      geometry: JSON.parse(r.geom) as Geometry,
      properties: { reports: r.reports },
    })),
    layer: "hexagons",
    cellMetres: size,
    max: Math.max(0, ...rows.map((r) => r.reports)),
  };
}

async function heatLayer(input: LayerInput): Promise<MapLayer> {
  // A grid four times finer than the hexagons at this zoom: enough for a smooth heatmap.
  const size = Math.max(25, Math.round(hexagonSizeForZoom(input.zoom) / 4));
  const rows = await queryRows<{ reports: number; geom: string }>(
    input.db,
    sql`select count(*)::int as reports,
               ST_AsGeoJSON(ST_Transform(ST_SetSRID(ST_MakePoint((cx + 0.5) * ${size}::float8, (cy + 0.5) * ${size}::float8), 3857), 4326), 6) as geom
        from (
          select floor(ST_X(g) / ${size}::float8) as cx, floor(ST_Y(g) / ${size}::float8) as cy
          from (select ST_Transform(r.location, 3857) as g from reports r where ${reportScope(input)}) p
        ) c
        group by cx, cy`,
  );
  return {
    type: "FeatureCollection",
    features: rows.map((r) => ({
      type: "Feature",
      geometry: JSON.parse(r.geom) as Geometry,
      properties: { reports: r.reports },
    })),
    layer: "heatmap",
    cellMetres: size,
    max: Math.max(0, ...rows.map((r) => r.reports)),
  };
}
