import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withStaff } from "@/lib/auth/session";
import { moderateConsultationComment } from "@/lib/consultations/moderate-consultation-comment";

export const dynamic = "force-dynamic";

/**
 * A moderator's decision on a consultation comment: `{ action: "publish" | "reject" | "hide" | "show",
 * reason?, note? }`; 403 when the user does not moderate the municipality.
 */
export const POST = withStaff<{ id: string; commentId: string }>(
  "staff.workspace",
  async (req, { params, user }) => {
    const { id, commentId } = await params;
    const result = await moderateConsultationComment({
      db: await getDb(),
      moderator: user,
      consultationId: Number(id),
      commentId: Number(commentId),
      step: await req.json().catch(() => null),
    });
    return NextResponse.json(result);
  },
);
