import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { listOpenConsultationFeatures } from "@/lib/consultations/list-open-consultation-features";
import { withPublicApi } from "@/lib/http";
import { getMunicipalityOrThrow } from "@/lib/places/get-municipality";
import { corsGet, corsPreflight } from "@/lib/request/cors";

export const dynamic = "force-dynamic";

/** The municipality's open consultations (works sites, titles, links) as GeoJSON, for the public map. */
export const GET = corsGet(
  withPublicApi<{ code: string }>(async (_req, { params }) => {
    const { code } = await params;
    const db = await getDb();
    const municipality = await getMunicipalityOrThrow({ db, code });
    const collection = await listOpenConsultationFeatures({ db, municipalityId: municipality.id });
    return NextResponse.json(collection, {
      headers: { "content-type": "application/geo+json", "cache-control": "public, max-age=60" },
    });
  }),
);

export const OPTIONS = corsPreflight;
