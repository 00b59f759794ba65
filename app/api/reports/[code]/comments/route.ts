import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { consumeRateLimit, submissionLimits } from "@/lib/abuse/rate-limit";
import { checkSameOrigin, citizenFromRequest } from "@/lib/auth/session";
import { addReportComment } from "@/lib/comments/add-report-comment";
import { AppError } from "@/lib/errors";
import { clientIp, withApi } from "@/lib/http";
import { readReportForm } from "@/lib/reports/read-report-form";

export const dynamic = "force-dynamic";

/**
 * The signed-in reporter or a follower adds an update: multipart `data` (`{ body }`) and up to three
 * `photos`. 201 with the comment, held until staff publish it.
 */
export const POST = withApi<{ code: string }>(async (req, { params }) => {
  checkSameOrigin(req);
  const citizen = await citizenFromRequest(req);
  if (!citizen) throw new AppError({ code: "unauthorized", messageKey: "signInRequired" });
  const db = await getDb();
  await consumeRateLimit({ db, rule: submissionLimits.perIp, key: clientIp(req) });
  const { data, photos } = await readReportForm(req);
  const { code } = await params;
  const comment = await addReportComment({
    db,
    code,
    citizen,
    body: (data as { body?: unknown }).body,
    photos,
  });
  return NextResponse.json(comment, { status: 201 });
});
