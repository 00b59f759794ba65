import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withStaff } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getStaffReport } from "@/lib/reports/get-staff-report";

export const dynamic = "force-dynamic";

/** A report as this staff member may see it; 404 when they may not see it at all. */
export const GET = withStaff<{ id: string }>("reports.view", async (_req, { params, user, locale }) => {
  const id = Number((await params).id);
  const report = Number.isInteger(id) ? await getStaffReport({ db: await getDb(), id, user, locale }) : null;
  if (!report) throw new AppError({ code: "not_found", messageKey: "reportNotFound" });
  return NextResponse.json(report, { headers: { "cache-control": "no-store" } });
});
