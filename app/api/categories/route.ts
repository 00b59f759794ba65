import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { numberParam, withApi, withPublicApi } from "@/lib/http";
import {
  getPublicMunicipality,
  isUnknownMunicipality,
  listMunicipalities,
} from "@/lib/places/get-municipality";
import { listCategories } from "@/lib/reports/list-categories";
import { findMunicipalityAt } from "@/lib/routing/route-report";

export const dynamic = "force-dynamic";

/** The categories offered where a point lies (`?lng=&lat=`), or in `?municipality=` (default: the first one set up). */
export const GET = withPublicApi(async (req, { locale }) => {
  const db = await getDb();
  const hasPoint = req.nextUrl.searchParams.has("lng") || req.nextUrl.searchParams.has("lat");
  const code = req.nextUrl.searchParams.get("municipality");
  if (!hasPoint && (await isUnknownMunicipality({ db, code }))) {
    const served = await listMunicipalities({ db });
    throw new AppError({
      code: "not_found",
      messageKey: "municipalityNotServed",
      details: { municipalities: served.map((m) => m.code) },
    });
  }
  const municipalityId = hasPoint
    ? await findMunicipalityAt({ db, position: [numberParam(req, "lng"), numberParam(req, "lat")] })
    : ((await getPublicMunicipality({ db, code: req.nextUrl.searchParams.get("municipality") }))?.id ?? null);
  if (municipalityId === null) throw new AppError({ code: "unprocessable", messageKey: "outsideServedArea" });
  const groups = await listCategories({ db, municipalityId, locale });
  return NextResponse.json(
    { groups },
    { headers: { "cache-control": "public, max-age=300", vary: "accept-language, cookie" } },
  );
});
