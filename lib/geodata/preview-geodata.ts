import "server-only";
import { sql } from "drizzle-orm";
import type { Geometry, MultiPolygon, Position } from "geojson";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import type { GeodataFile } from "./read-geodata-file";
import type { AttributeValue } from "./source-feature";

export type FeatureStatus = "ok" | "repaired" | "rejected";

/** Why a feature was repaired or rejected; the UI names each in the user's language. */
export type FeatureReason =
  | "self_intersection"
  | "ring_self_intersection"
  | "too_few_points"
  | "hole_outside_shell"
  | "nested_holes"
  | "nested_shells"
  | "interior_disconnected"
  | "invalid_other"
  | "no_geometry"
  | "not_polygon"
  | "unclosed_ring"
  | "out_of_range"
  | "empty_after_repair";

export type PreviewFeature = {
  index: number;
  properties: Record<string, AttributeValue>;
  status: FeatureStatus;
  reason: FeatureReason | null;
  /** PostGIS's own words (ST_IsValidReason), with the place of the fault. */
  detail: string | null;
  /** The geometry that would be saved (repaired when it had to be), as a MultiPolygon in EPSG:4326. */
  geometry: MultiPolygon | null;
  areaSquareMetres: number | null;
  vertexCount: number;
  /** More than 1% of the area lies outside the boundary it was checked against. */
  outsideBoundary: boolean;
};

export type GeodataPreview = {
  format: GeodataFile["format"];
  layer: string;
  sourceCrs: string;
  attributes: string[];
  features: PreviewFeature[];
  counts: Record<FeatureStatus, number>;
};

const reasonPrefixes: Array<[string, FeatureReason]> = [
  ["ring self-intersection", "ring_self_intersection"],
  ["self-intersection", "self_intersection"],
  ["too few points", "too_few_points"],
  ["hole lies outside shell", "hole_outside_shell"],
  ["holes are nested", "nested_holes"],
  ["nested holes", "nested_holes"],
  ["nested shells", "nested_shells"],
  ["interior is disconnected", "interior_disconnected"],
];

function reasonOf(detail: string): FeatureReason {
  const lower = detail.toLowerCase();
  return reasonPrefixes.find(([prefix]) => lower.startsWith(prefix))?.[1] ?? "invalid_other";
}

/** Structure PostGIS cannot even parse, and coordinates that are not longitude/latitude. */
function structuralProblem(geometry: Geometry): FeatureReason | null {
  const polygons: Position[][][] =
    geometry.type === "Polygon"
      ? [geometry.coordinates]
      : geometry.type === "MultiPolygon"
        ? geometry.coordinates
        : [];
  for (const polygon of polygons) {
    if (polygon.length === 0) return "too_few_points";
    for (const ring of polygon) {
      if (ring.length < 4) return "too_few_points";
      for (const p of ring) {
        if (!Number.isFinite(p[0]) || !Number.isFinite(p[1]) || Math.abs(p[0]!) > 180 || Math.abs(p[1]!) > 90)
          return "out_of_range";
      }
      const first = ring[0]!;
      const last = ring[ring.length - 1]!;
      if (first[0] !== last[0] || first[1] !== last[1]) return "unclosed_ring";
    }
  }
  return null;
}

/**
 * Judges every polygon of a read file with PostGIS, without writing anything: valid ones pass,
 * invalid ones are repaired (ST_MakeValid, polygonal parts kept, as a MultiPolygon) with the reason
 * PostGIS gives, and what cannot become an area is rejected with its reason. Optionally checks the
 * features against a boundary (districts and service areas against the municipality's).
 */
export async function previewGeodata(input: {
  db: Database;
  file: GeodataFile;
  boundary?: MultiPolygon | null;
}): Promise<GeodataPreview> {
  const { db, file } = input;
  const results = new Map<number, PreviewFeature>();
  const candidates: Array<{ index: number; geometry: Geometry }> = [];
  for (const feature of file.features) {
    const base = {
      index: feature.index,
      properties: feature.properties,
      vertexCount: feature.vertexCount,
      geometry: null,
      areaSquareMetres: null,
      detail: null,
      outsideBoundary: false,
    };
    if (!feature.geometry) {
      results.set(feature.index, { ...base, status: "rejected", reason: "no_geometry" });
    } else if (feature.geometry.type !== "Polygon" && feature.geometry.type !== "MultiPolygon") {
      results.set(feature.index, {
        ...base,
        status: "rejected",
        reason: "not_polygon",
        detail: feature.geometry.type,
      });
    } else {
      const problem = structuralProblem(feature.geometry);
      if (problem) results.set(feature.index, { ...base, status: "rejected", reason: problem });
      else candidates.push({ index: feature.index, geometry: feature.geometry });
    }
  }

  if (candidates.length > 0) {
    const boundary = input.boundary ? JSON.stringify(input.boundary) : null;
    const rows = await queryRows<{
      idx: number;
      valid: boolean;
      reason: string;
      fixed: string | null;
      area: number | null;
      outside: boolean | null;
    }>(
      db,
      sql`with input as (
            select (item ->> 'index')::int as idx, ST_SetSRID(ST_GeomFromGeoJSON(item -> 'geometry'), 4326) as geom
            from jsonb_array_elements(${JSON.stringify(candidates)}::jsonb) as item
          ), judged as (
            select idx, ST_IsValid(geom) as valid, ST_IsValidReason(geom) as reason,
                   case when ST_IsValid(geom) then ST_Multi(geom)
                        else ST_Multi(ST_CollectionExtract(ST_MakeValid(geom), 3)) end as fixed
            from input
          ), limit_area as (
            select case when ${boundary}::text is null then null else ST_SetSRID(ST_GeomFromGeoJSON(${boundary}::text), 4326) end as b
          )
          select idx, valid, reason,
                 case when ST_IsEmpty(fixed) then null else ST_AsGeoJSON(fixed, 9) end as fixed,
                 case when ST_IsEmpty(fixed) then null else ST_Area(fixed::geography)::float8 end as area,
                 case when b is null or ST_IsEmpty(fixed) then false
                      else ST_Area(ST_Difference(fixed, b)::geography) > 0.01 * ST_Area(fixed::geography) end as outside
          from judged, limit_area
          order by idx`,
    );
    const byIndex = new Map(file.features.map((f) => [f.index, f]));
    for (const row of rows) {
      const feature = byIndex.get(row.idx)!;
      const base = {
        index: row.idx,
        properties: feature.properties,
        vertexCount: feature.vertexCount,
        outsideBoundary: Boolean(row.outside),
      };
      if (!row.fixed) {
        results.set(row.idx, {
          ...base,
          status: "rejected",
          reason: "empty_after_repair",
          detail: row.reason,
          geometry: null,
          areaSquareMetres: null,
        });
      } else {
        results.set(row.idx, {
          ...base,
          status: row.valid ? "ok" : "repaired",
          reason: row.valid ? null : reasonOf(row.reason),
          detail: row.valid ? null : row.reason,
          geometry: JSON.parse(row.fixed) as MultiPolygon,
          areaSquareMetres: row.area === null ? null : Math.round(row.area),
        });
      }
    }
  }

  const features = file.features.map((f) => results.get(f.index)!);
  const counts = { ok: 0, repaired: 0, rejected: 0 };
  for (const f of features) counts[f.status]++;
  return {
    format: file.format,
    layer: file.layer,
    sourceCrs: file.sourceCrs,
    attributes: file.attributes,
    features,
    counts,
  };
}
