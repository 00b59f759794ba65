import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withPublicApi } from "@/lib/http";
import { searchPlaces } from "@/lib/places/search-places";

export const dynamic = "force-dynamic";

/** Streets, settlements and landmarks by name: `?q=karadj`. */
export const GET = withPublicApi(async (req, { locale }) => {
  const query = (req.nextUrl.searchParams.get("q") ?? "").slice(0, 100);
  const places = await searchPlaces({ db: await getDb(), query, locale });
  return NextResponse.json(
    { places },
    { headers: { "cache-control": "public, max-age=300", vary: "accept-language, cookie" } },
  );
});
