import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { requestSignInLink } from "@/lib/auth/email-link";
import { checkSameOrigin } from "@/lib/auth/session";
import { clientIp, withApi } from "@/lib/http";
import { readJson } from "@/lib/request/read-body";

export const dynamic = "force-dynamic";

/**
 * `{ email }`: sends a one-time sign-in link to that address. 202 whether or not the address has
 * reports; 404 where the installation sends no e-mail; 429 after too many requests.
 */
export const POST = withApi(async (req: NextRequest, { locale }) => {
  checkSameOrigin(req);
  const body = (await readJson(req)) as { email?: unknown } | null;
  await requestSignInLink({ db: await getDb(), email: body?.email, locale, ip: clientIp(req) });
  return NextResponse.json({ sent: true }, { status: 202 });
});
