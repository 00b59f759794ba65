import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { withStaff } from "@/lib/auth/session";
import { fileReport, fileReportSchema } from "@/lib/reports/file-report";
import { readJson } from "@/lib/request/read-body";

export const dynamic = "force-dynamic";

const intakeSchema = fileReportSchema.extend({ channel: z.enum(["phone", "counter", "email"]) });

/** The contact centre files a report on a caller's behalf; the agent is recorded on its first event. */
export const POST = withStaff("reports.intake", async (req, { user, locale }) => {
  const report = intakeSchema.parse({ locale, ...((await readJson(req)) ?? {}) });
  const filed = await fileReport({
    db: await getDb(),
    report,
    filedBy: { userId: user.id, organisationId: user.organisationIds[0] ?? null },
    municipalityIds: user.municipalityIds,
    // The answer is built from what the filing returns: nothing else is read or written in the scope.
    endsScope: true,
  });
  return NextResponse.json(
    {
      id: filed.id,
      trackingCode: filed.trackingCode,
      dueAt: filed.dueAt.toISOString(),
      created: filed.created,
    },
    { status: filed.created ? 201 : 200 },
  );
});
