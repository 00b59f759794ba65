import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withStaff } from "@/lib/auth/session";
import { logContactViews } from "@/lib/privacy/log-contact-view";
import { findCallerHistory } from "@/lib/reports/find-caller-history";

export const dynamic = "force-dynamic";

/** A caller's earlier reports by email or phone: `?q=+381641234567`. */
export const GET = withStaff("reports.intake", async (req, { user, locale }) => {
  const query = (req.nextUrl.searchParams.get("q") ?? "").slice(0, 254);
  const db = await getDb();
  const reports = await findCallerHistory({
    db,
    query,
    municipalityIds: user.municipalityIds,
    locale,
  });
  const shown = reports.filter((r) => r.contact.name || r.contact.email || r.contact.phone).map((r) => r.id);
  await logContactViews({ db, userId: user.id, reportIds: shown, screen: "intake_caller_history" });
  return NextResponse.json({ reports }, { headers: { "cache-control": "no-store" } });
});
