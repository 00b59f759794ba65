import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { setMessageLocale } from "@/lib/account/set-message-locale";
import { checkSameOrigin, citizenFromRequest } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { withApi } from "@/lib/http";

export const dynamic = "force-dynamic";

/** `{ locale }`: the language of the signed-in citizen's messages. */
export const PUT = withApi(async (req) => {
  checkSameOrigin(req);
  const citizen = await citizenFromRequest(req);
  if (!citizen) throw new AppError({ code: "unauthorized", messageKey: "signInRequired" });
  const body = (await req.json().catch(() => null)) as { locale?: unknown } | null;
  return NextResponse.json(
    await setMessageLocale({ db: await getDb(), userId: citizen.userId, locale: body?.locale }),
  );
});
