import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withStaff } from "@/lib/auth/session";
import { numberParam } from "@/lib/http";
import { listFieldQueue } from "@/lib/reports/list-field-queue";

export const dynamic = "force-dynamic";

/** My organisation's open reports, nearest first from `?lng=&lat=` (or by due date without a position). */
export const GET = withStaff("reports.act", async (req, { user, locale }) => {
  const has = req.nextUrl.searchParams.has("lng") || req.nextUrl.searchParams.has("lat");
  const position: [number, number] | null = has ? [numberParam(req, "lng"), numberParam(req, "lat")] : null;
  const items = await listFieldQueue({ db: await getDb(), user, position, locale });
  return NextResponse.json({ items }, { headers: { "cache-control": "no-store" } });
});
