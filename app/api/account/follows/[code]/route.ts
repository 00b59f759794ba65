import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { unfollowReport } from "@/lib/account/unfollow-report";
import { checkSameOrigin, citizenFromRequest } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { withApi } from "@/lib/http";

export const dynamic = "force-dynamic";

/** The signed-in citizen stops following a report. */
export const DELETE = withApi<{ code: string }>(async (req, { params }) => {
  checkSameOrigin(req);
  const citizen = await citizenFromRequest(req);
  if (!citizen) throw new AppError({ code: "unauthorized", messageKey: "signInRequired" });
  const { code } = await params;
  return NextResponse.json(await unfollowReport({ db: await getDb(), citizen, code }));
});
