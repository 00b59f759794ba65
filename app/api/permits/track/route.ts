import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { withApi } from "@/lib/http";
import { trackPermit } from "@/lib/permits/track-permit";

export const dynamic = "force-dynamic";

/** An application's procedure by its registry number: `?number=344-12/2026-IV`. No names. */
export const GET = withApi(async (req) => {
  const permit = await trackPermit({
    db: await getDb(),
    reference: req.nextUrl.searchParams.get("number") ?? "",
  });
  if (!permit) throw new AppError({ code: "not_found", messageKey: "permitNotFound" });
  return NextResponse.json(permit, { headers: { "cache-control": "no-store" } });
});
