import { NextResponse } from "next/server";
import { asPublic } from "@/lib/auth/db-scope";
import { AppError } from "@/lib/errors";
import { withApi } from "@/lib/http";
import { geocodeAddress } from "@/lib/places/geocode-address";
import { hasControlCharacter } from "@/lib/request/clean-text";

export const dynamic = "force-dynamic";

/**
 * An address with a house number to a point: `?q=Karađorđeva 10, Ćuprija` →
 * `{ matched, precision, position }` (404 when nothing matches). For the report flow and Open311.
 */
export const GET = withApi(async (req, { locale }) => {
  const query = (req.nextUrl.searchParams.get("q") ?? "").slice(0, 200);
  if (hasControlCharacter(query))
    throw new AppError({ code: "unprocessable", messageKey: "controlCharacter", details: { field: "q" } });
  const found = await asPublic((db) => geocodeAddress({ db, query, locale }));
  if (!found) throw new AppError({ code: "not_found", messageKey: "addressNotFound" });
  const { municipalityId: _municipality, ...address } = found;
  return NextResponse.json(address, {
    headers: { "cache-control": "public, max-age=300", vary: "accept-language, cookie" },
  });
});
