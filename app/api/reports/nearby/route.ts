import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { numberParam, withApi, withPublicApi } from "@/lib/http";
import { findDuplicateCandidates } from "@/lib/reports/find-duplicate-candidates";
import { findMunicipalityAt } from "@/lib/routing/route-report";

export const dynamic = "force-dynamic";

/** Open reports of a category near a point: `?service=pothole&lng=21.37&lat=43.93`. */
export const GET = withPublicApi(async (req, { locale }) => {
  const position: [number, number] = [numberParam(req, "lng"), numberParam(req, "lat")];
  const serviceCode = req.nextUrl.searchParams.get("service") ?? "";
  if (!/^[a-z0-9_-]{1,64}$/.test(serviceCode))
    throw new AppError({ code: "bad_request", messageKey: "invalidParameter", details: { name: "service" } });
  const db = await getDb();
  const municipalityId = await findMunicipalityAt({ db, position });
  const candidates =
    municipalityId === null
      ? []
      : await findDuplicateCandidates({ db, municipalityId, serviceCode, position, locale });
  return NextResponse.json({ candidates }, { headers: { "cache-control": "no-store" } });
});
