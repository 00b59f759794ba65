import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { consumeRateLimit, submissionLimits } from "@/lib/abuse/rate-limit";
import { clientIp, withApi } from "@/lib/http";
import { flagConsultationComment } from "@/lib/moderation/flag-consultation-comment";
import { abuseFlagSchema } from "@/lib/moderation/moderation-schema";

export const dynamic = "force-dynamic";

/**
 * "Report this comment" on a consultation's public comment: `{ reason, note? }` → 201 (200 when a
 * flag from the public is already open on it); the flag waits in the moderation queue.
 */
export const POST = withApi<{ id: string; commentId: string }>(async (req, { params }) => {
  const { id, commentId } = await params;
  const body = abuseFlagSchema.parse(await req.json().catch(() => null));
  const db = await getDb();
  await consumeRateLimit({ db, rule: submissionLimits.perIp, key: clientIp(req) });
  const flag = await flagConsultationComment({
    db,
    consultationId: Number(id),
    commentId: Number(commentId),
    reason: body.reason,
    note: body.note,
  });
  return NextResponse.json({ flagId: flag.flagId }, { status: flag.repeated ? 200 : 201 });
});
