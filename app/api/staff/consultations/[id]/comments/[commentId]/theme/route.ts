import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { withStaff } from "@/lib/auth/session";
import { setConsultationCommentTheme } from "@/lib/consultations/set-consultation-comment-theme";

export const dynamic = "force-dynamic";

/** The office files a comment under a theme for the council's summary: `{ theme }` (empty clears it). */
export const POST = withStaff<{ id: string; commentId: string }>(
  "permits.manage",
  async (req, { params }) => {
    const { id, commentId } = await params;
    const result = await setConsultationCommentTheme({
      db: await getDb(),
      consultationId: Number(id),
      commentId: Number(commentId),
      theme: await req.json().catch(() => null),
    });
    return NextResponse.json(result);
  },
);
