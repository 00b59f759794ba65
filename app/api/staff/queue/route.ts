import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withStaff } from "@/lib/auth/session";
import { listStaffQueue, type QueueScope } from "@/lib/reports/list-staff-queue";

export const dynamic = "force-dynamic";

/** The signed-in user's work list: `?scope=mine|triage|all`. */
export const GET = withStaff("reports.view", async (req, { user, locale }) => {
  const raw = req.nextUrl.searchParams.get("scope");
  const scope: QueueScope = raw === "triage" || raw === "all" ? raw : "mine";
  const items = await listStaffQueue({ db: await getDb(), user, scope, locale });
  return NextResponse.json({ items }, { headers: { "cache-control": "no-store" } });
});
