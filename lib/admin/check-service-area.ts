import "server-only";
import type { MultiPolygon } from "geojson";
import type { Database } from "../../db/client";
import { AppError } from "../errors";
import { areaFromGeoJson } from "../geo/area-from-geojson";
import { checkAreaInMunicipality } from "../geo/check-area-in-municipality";

export type CheckedServiceArea = { area: MultiPolygon; vertices: number; areaSquareMetres: number };

/**
 * A service area drawn on the map or imported from a GeoJSON file (text or parsed): a Polygon,
 * MultiPolygon, Feature or FeatureCollection of polygons; valid, not empty, at most 10,000
 * vertices and wholly inside the organisation's municipality. Throws AppError with the reason
 * (errors.geometry_*, errors.serviceAreaWrongType) otherwise.
 */
export async function checkServiceArea(input: {
  db: Database;
  municipalityId: number;
  geojson: unknown;
}): Promise<CheckedServiceArea> {
  const parsed = areaFromGeoJson(input.geojson);
  if (!parsed.valid) {
    const messageKey = parsed.reason === "wrong_type" ? "serviceAreaWrongType" : `geometry_${parsed.reason}`;
    throw new AppError({
      code: "unprocessable",
      messageKey,
      details: { reason: parsed.reason, types: "Polygon, MultiPolygon, Feature, FeatureCollection" },
    });
  }
  const { areaSquareMetres } = await checkAreaInMunicipality({
    db: input.db,
    area: parsed.area,
    municipalityId: input.municipalityId,
  });
  return { area: parsed.area, vertices: parsed.vertices, areaSquareMetres };
}
