import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withStaff } from "@/lib/auth/session";
import { numberParam } from "@/lib/http";
import { getFieldBundle } from "@/lib/reports/get-field-bundle";

export const dynamic = "force-dynamic";

/**
 * What the field app stores on the phone for working offline: my organisation's open reports nearest
 * first from `?lng=&lat=`, each as the staff view has it, the categories for filing, the map tiles around.
 */
export const GET = withStaff("reports.act", async (req, { user, locale }) => {
  const has = req.nextUrl.searchParams.has("lng") || req.nextUrl.searchParams.has("lat");
  const position: [number, number] | null = has ? [numberParam(req, "lng"), numberParam(req, "lat")] : null;
  const bundle = await getFieldBundle({ db: await getDb(), user, position, locale });
  return NextResponse.json(bundle, { headers: { "cache-control": "private, no-store" } });
});
