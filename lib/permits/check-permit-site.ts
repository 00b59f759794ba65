import "server-only";
import type { MultiPolygon } from "geojson";
import type { Database } from "../../db/client";
import { AppError } from "../errors";
import { checkAreaInMunicipality } from "../geo/check-area-in-municipality";
import { validateGeometry } from "../geo/validate-geometry";

/**
 * A drawn or imported site: a well-formed simple Polygon or MultiPolygon (lib/geo), valid for
 * PostGIS and wholly inside one served municipality. Returns it as a MultiPolygon with the
 * municipality; refuses with the reason otherwise (errors.geometry_*).
 */
export async function checkPermitSite(input: {
  db: Database;
  site: unknown;
}): Promise<{ site: MultiPolygon; municipalityId: number }> {
  const checked = validateGeometry(input.site, ["Polygon", "MultiPolygon"] as const);
  if (!checked.valid) {
    const messageKey = checked.reason === "wrong_type" ? "permitSiteWrongType" : `geometry_${checked.reason}`;
    throw new AppError({
      code: "unprocessable",
      messageKey,
      details: { reason: checked.reason, types: "Polygon, MultiPolygon" },
    });
  }
  const site: MultiPolygon =
    checked.geometry.type === "Polygon"
      ? { type: "MultiPolygon", coordinates: [checked.geometry.coordinates] }
      : checked.geometry;
  const { municipalityId } = await checkAreaInMunicipality({ db: input.db, area: site });
  return { site, municipalityId };
}
