import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withStaff } from "@/lib/auth/session";
import { reviewReportComment } from "@/lib/comments/review-report-comment";
import { AppError } from "@/lib/errors";
import { getStaffReport } from "@/lib/reports/get-staff-report";

export const dynamic = "force-dynamic";

/** `{ decision: "publish" | "reject", reason?, note? }` on a held citizen comment of a report the staff member may see. */
export const POST = withStaff<{ id: string; commentId: string }>(
  "reports.act",
  async (req, { params, user, locale }) => {
    const { id, commentId } = await params;
    const db = await getDb();
    const report = Number.isInteger(Number(id))
      ? await getStaffReport({ db, id: Number(id), user, locale })
      : null;
    if (!report) throw new AppError({ code: "not_found", messageKey: "reportNotFound" });
    const body = (await req.json().catch(() => null)) as {
      decision?: unknown;
      reason?: unknown;
      note?: unknown;
    } | null;
    const result = await reviewReportComment({
      db,
      reportId: report.id,
      commentId: Number(commentId),
      decision: body?.decision,
      reason: body?.reason,
      note: body?.note,
      staffUserId: user.id,
    });
    return NextResponse.json(result);
  },
);
