import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { deleteAccount } from "@/lib/account/delete-account";
import { checkSameOrigin, citizenFromRequest } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { withApi } from "@/lib/http";

export const dynamic = "force-dynamic";

/** The signed-in citizen deletes their account; their reports stay, anonymised. The page then signs out. */
export const DELETE = withApi(async (req) => {
  checkSameOrigin(req);
  const citizen = await citizenFromRequest(req);
  if (!citizen) throw new AppError({ code: "unauthorized", messageKey: "signInRequired" });
  await deleteAccount({ db: await getDb(), userId: citizen.userId });
  return NextResponse.json({ deleted: true });
});
