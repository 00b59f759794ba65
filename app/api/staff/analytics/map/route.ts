import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { analyticsMunicipalityId } from "@/lib/analytics/analytics-municipality";
import { buildMapLayer } from "@/lib/analytics/build-map-layer";
import { parseAnalyticsFilters } from "@/lib/analytics/filters";
import { withStaff } from "@/lib/auth/session";
import { badRequest } from "@/lib/http";

const zoomSchema = z.coerce.number().min(0).max(22);

/** GET /api/staff/analytics/map?layer=choropleth|hexagons|heatmap&zoom=…&<filters> — one aggregated map layer as GeoJSON. */
export const GET = withStaff("analytics.view", async (req, { user, locale }) => {
  const filters = parseAnalyticsFilters(req.nextUrl.searchParams);
  const zoom = zoomSchema.safeParse(req.nextUrl.searchParams.get("zoom") ?? 12);
  if (!zoom.success) throw badRequest("invalidParameter", { name: "zoom" });
  const db = await getDb();
  const layer = await buildMapLayer({
    db,
    municipalityId: await analyticsMunicipalityId({ db, user }),
    filters,
    locale,
    layer: filters.layer,
    zoom: zoom.data,
  });
  return NextResponse.json(layer, { headers: { "cache-control": "private, no-store" } });
});
