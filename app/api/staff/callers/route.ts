import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withStaff } from "@/lib/auth/session";
import { findCallerHistory } from "@/lib/reports/find-caller-history";

export const dynamic = "force-dynamic";

/** A caller's earlier reports by email or phone: `?q=+381641234567`. */
export const GET = withStaff("reports.intake", async (req, { user, locale }) => {
  const query = (req.nextUrl.searchParams.get("q") ?? "").slice(0, 254);
  const reports = await findCallerHistory({
    db: await getDb(),
    query,
    municipalityIds: user.municipalityIds,
    locale,
  });
  return NextResponse.json({ reports }, { headers: { "cache-control": "no-store" } });
});
