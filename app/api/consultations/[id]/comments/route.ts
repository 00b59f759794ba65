import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { consumeRateLimit, submissionLimits } from "@/lib/abuse/rate-limit";
import { citizenFromRequest } from "@/lib/auth/session";
import { addConsultationComment } from "@/lib/consultations/add-consultation-comment";
import { clientIp, withApi } from "@/lib/http";

export const dynamic = "force-dynamic";

/**
 * A comment on an open consultation: `{ body, email? }` → 201 `{ id, state }` (`published`, or `held`
 * for a moderator); 409 when the consultation is closed.
 */
export const POST = withApi<{ id: string }>(async (req, { params, locale }) => {
  const { id } = await params;
  const comment = await req.json().catch(() => null);
  const db = await getDb();
  await consumeRateLimit({ db, rule: submissionLimits.perIp, key: clientIp(req) });
  const citizen = await citizenFromRequest(req);
  const result = await addConsultationComment({
    db,
    consultationId: Number(id),
    comment,
    locale,
    userId: citizen?.userId ?? null,
  });
  return NextResponse.json(result, { status: 201 });
});
