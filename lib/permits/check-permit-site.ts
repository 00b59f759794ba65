import "server-only";
import type { MultiPolygon } from "geojson";
import type { Database } from "../../db/client";
import { AppError } from "../errors";
import { checkAreaInMunicipality } from "../geo/check-area-in-municipality";
import { MAX_VERTICES, validateGeometry } from "../geo/validate-geometry";

/**
 * A drawn or imported site: a well-formed Polygon or MultiPolygon of at most 10,000 vertices
 * (lib/geo), valid for PostGIS (no crossings) and wholly inside one served municipality. Returns it as a MultiPolygon with the
 * municipality; refuses with the reason otherwise (errors.geometry_*).
 */
export async function checkPermitSite(input: {
  db: Database;
  site: unknown;
}): Promise<{ site: MultiPolygon; municipalityId: number }> {
  // Crossings are PostGIS's part (ST_IsValid in checkAreaInMunicipality), as for service areas: the
  // JS pairwise check blocked the server for seconds at the vertex cap, on the public application too.
  const checked = validateGeometry(input.site, ["Polygon", "MultiPolygon"] as const, MAX_VERTICES, {
    checkCrossings: false,
  });
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
