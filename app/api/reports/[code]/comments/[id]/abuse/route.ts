import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { consumeRateLimit, submissionLimits } from "@/lib/abuse/rate-limit";
import { clientIp, withApi } from "@/lib/http";
import { flagReportComment } from "@/lib/moderation/flag-report-comment";
import { abuseFlagSchema } from "@/lib/moderation/moderation-schema";

export const dynamic = "force-dynamic";

/** "Report abuse" on a comment of a public report: `{ reason, note? }` → 201; the flag waits in the moderation queue. */
export const POST = withApi<{ code: string; id: string }>(async (req, { params }) => {
  const { code, id } = await params;
  const body = abuseFlagSchema.parse(await req.json().catch(() => null));
  const db = await getDb();
  await consumeRateLimit({ db, rule: submissionLimits.perIp, key: clientIp(req) });
  const flag = await flagReportComment({
    db,
    code,
    commentId: Number(id),
    reason: body.reason,
    note: body.note,
  });
  return NextResponse.json(flag, { status: 201 });
});
