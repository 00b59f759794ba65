import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withStaff } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { logContactViews } from "@/lib/privacy/log-contact-view";
import { getStaffReport } from "@/lib/reports/get-staff-report";

export const dynamic = "force-dynamic";

/** A report as this staff member may see it; 404 when they may not see it at all. */
export const GET = withStaff<{ id: string }>("reports.view", async (_req, { params, user, locale }) => {
  const id = Number((await params).id);
  const db = await getDb();
  const report = Number.isInteger(id) ? await getStaffReport({ db, id, user, locale }) : null;
  if (!report) throw new AppError({ code: "not_found", messageKey: "reportNotFound" });
  if (report.contact)
    await logContactViews({ db, userId: user.id, reportIds: [report.id], screen: "staff_report_api" });
  return NextResponse.json(report, { headers: { "cache-control": "no-store" } });
});
