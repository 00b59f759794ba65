import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { parseBBox } from "@/lib/geo/bbox";
import { withPublicApi } from "@/lib/http";
import { listPublicPermits } from "@/lib/permits/list-public-permits";

export const dynamic = "force-dynamic";

/** Granted and active works sites in a map area, as GeoJSON: `?bbox=west,south,east,north`. */
export const GET = withPublicApi(async (req) => {
  const bbox = parseBBox(req.nextUrl.searchParams.get("bbox"));
  const collection = await listPublicPermits({ db: await getDb(), bbox });
  return NextResponse.json(collection, {
    headers: { "content-type": "application/geo+json", "cache-control": "public, max-age=60" },
  });
});
