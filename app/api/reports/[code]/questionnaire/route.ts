import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { checkSameOrigin, citizenFromRequest } from "@/lib/auth/session";
import { answerQuestionnaire } from "@/lib/comments/answer-questionnaire";
import { AppError } from "@/lib/errors";
import { withApi } from "@/lib/http";

export const dynamic = "force-dynamic";

/** The reporter's answer to "fixed?": `{ fixed, body? }`; "still a problem" within 30 days reopens the report. */
export const POST = withApi<{ code: string }>(async (req, { params }) => {
  checkSameOrigin(req);
  const citizen = await citizenFromRequest(req);
  if (!citizen) throw new AppError({ code: "unauthorized", messageKey: "signInRequired" });
  const { code } = await params;
  const answer = await req.json().catch(() => null);
  const result = await answerQuestionnaire({ db: await getDb(), code, citizen, answer });
  return NextResponse.json(result, { status: 201 });
});
