import { NextResponse } from "next/server";
import { asPublic } from "@/lib/auth/db-scope";
import { AppError } from "@/lib/errors";
import { withApi } from "@/lib/http";
import { trackPermit } from "@/lib/permits/track-permit";

export const dynamic = "force-dynamic";

/**
 * An application's procedure by its registry number and the applicant's tracking key:
 * `?number=344-12/2026-IV&key=1A2B-3C4D-5E6F`. Without the key, a permit of the public record only.
 * No names. 404 when there is no such permit, or it is not public and the key is missing or wrong.
 */
export const GET = withApi(async (req) => {
  const params = req.nextUrl.searchParams;
  const permit = await asPublic((db) =>
    trackPermit({ db, reference: params.get("number") ?? "", key: params.get("key") }),
  );
  if (!permit) throw new AppError({ code: "not_found", messageKey: "permitNotFound" });
  return NextResponse.json(permit, { headers: { "cache-control": "no-store" } });
});
