import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { requestSignInLink } from "@/lib/auth/email-link";
import { checkSameOrigin } from "@/lib/auth/session";
import { clientIp, withApi } from "@/lib/http";
import { readJson } from "@/lib/request/read-body";

export const dynamic = "force-dynamic";

/**
 * `{ email }`: sends a one-time sign-in link to that address. 202 whether or not the address has
 * reports; `delivery` says whether it went by e-mail or to the outbox directory (no SMTP set);
 * 429 after too many requests.
 */
export const POST = withApi(async (req: NextRequest, { locale }) => {
  checkSameOrigin(req);
  const body = (await readJson(req)) as { email?: unknown } | null;
  const { delivery } = await requestSignInLink({
    db: await getDb(),
    email: body?.email,
    locale,
    ip: clientIp(req),
  });
  return NextResponse.json({ sent: true, delivery }, { status: 202 });
});
