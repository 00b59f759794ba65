import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withPublicApi } from "@/lib/http";
import { getAreasGeoJson } from "@/lib/places/get-areas-geojson";
import { getMunicipalityOrThrow } from "@/lib/places/get-municipality";
import { corsGet, corsPreflight } from "@/lib/request/cors";

export const dynamic = "force-dynamic";

/** The municipal boundary and its local communities, as GeoJSON. */
export const GET = corsGet(
  withPublicApi<{ code: string }>(async (_req, { params, locale }) => {
    const { code } = await params;
    const db = await getDb();
    const municipality = await getMunicipalityOrThrow({ db, code });
    const areas = await getAreasGeoJson({ db, municipalityId: municipality.id, locale });
    return NextResponse.json(areas, {
      headers: {
        "content-type": "application/geo+json",
        "cache-control": "public, max-age=3600",
        vary: "accept-language, cookie",
      },
    });
  }),
);

export const OPTIONS = corsPreflight;
