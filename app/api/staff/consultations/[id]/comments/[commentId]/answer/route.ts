import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withStaff } from "@/lib/auth/session";
import { answerConsultationComment } from "@/lib/consultations/answer-consultation-comment";

export const dynamic = "force-dynamic";

/** The office's public answer to a published comment: `{ answer }`; the commenter is told by e-mail when they left one. */
export const POST = withStaff<{ id: string; commentId: string }>(
  "permits.manage",
  async (req, { params, user }) => {
    const { id, commentId } = await params;
    const result = await answerConsultationComment({
      db: await getDb(),
      consultationId: Number(id),
      commentId: Number(commentId),
      answer: await req.json().catch(() => null),
      staffUserId: user.id,
    });
    return NextResponse.json(result);
  },
);
