import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { numberParam, withApi, withPublicApi } from "@/lib/http";
import { describeLocation } from "@/lib/places/describe-location";

export const dynamic = "force-dynamic";

/** What is at a point: nearest street, district, municipality: `?lng=21.37&lat=43.93`. */
export const GET = withPublicApi(async (req, { locale }) => {
  const position: [number, number] = [numberParam(req, "lng"), numberParam(req, "lat")];
  const description = await describeLocation({ db: await getDb(), position, locale });
  return NextResponse.json(description, { headers: { "cache-control": "no-store" } });
});
