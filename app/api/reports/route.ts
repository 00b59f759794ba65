import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { parseBBox } from "@/lib/geo/bbox";
import { withApi } from "@/lib/http";
import { listPublicReports } from "@/lib/reports/list-public-reports";

export const dynamic = "force-dynamic";

/** Public reports in a map area, as GeoJSON: `?bbox=west,south,east,north`. */
export const GET = withApi(async (req, { locale }) => {
  const bbox = parseBBox(req.nextUrl.searchParams.get("bbox"));
  const collection = await listPublicReports({ db: await getDb(), bbox, locale });
  return NextResponse.json(collection, {
    headers: { "content-type": "application/geo+json", "cache-control": "public, max-age=30", vary: "accept-language, cookie" },
  });
});
