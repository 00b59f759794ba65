import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withStaff } from "@/lib/auth/session";
import { fileReport, fileReportSchema } from "@/lib/reports/file-report";
import { readReportForm } from "@/lib/reports/read-report-form";

export const dynamic = "force-dynamic";

/**
 * An inspector or crew member files a problem found on the spot (channel "field"), usually at their
 * own position, with photos: the same intake as citizens' reports, the staff member recorded on the
 * first event. A retry with the same submission key answers with the same report.
 */
export const POST = withStaff("reports.act", async (req, { user, locale }) => {
  const { data, photos } = await readReportForm(req);
  const report = fileReportSchema.parse({ locale, ...data, channel: "field" });
  const filed = await fileReport({
    db: await getDb(),
    report,
    photos,
    filedBy: { userId: user.id, organisationId: user.organisationIds[0] ?? null },
    municipalityIds: user.municipalityIds,
    // The answer is built from what the filing returns: nothing else is read or written in the scope.
    endsScope: true,
  });
  return NextResponse.json(
    {
      id: filed.id,
      trackingCode: filed.trackingCode,
      status: filed.status,
      dueAt: filed.dueAt.toISOString(),
      created: filed.created,
    },
    { status: filed.created ? 201 : 200 },
  );
});
