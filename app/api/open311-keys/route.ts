import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { checkSameOrigin } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { clientIp, withApi } from "@/lib/http";
import { requestOpen311Key } from "@/lib/open311/keys/request-open311-key";
import { readJson } from "@/lib/request/read-body";

export const dynamic = "force-dynamic";

/**
 * `{ name, email, application, purpose }`: a developer asks for an Open311 key
 * (/developers/open311-key). 201 with the request's id, 200 with the same id when that address
 * already waits for a key for that application; 422 naming invalid fields, 413 over 16 KB, 429
 * after too many requests. An administrator decides; the key arrives by e-mail.
 */
export const POST = withApi(async (req: NextRequest, { locale }) => {
  checkSameOrigin(req);
  const body = await readJson(req, { maxBytes: 16 * 1024 });
  if (body === null) throw new AppError({ code: "bad_request", messageKey: "invalidJson" });
  const request = await requestOpen311Key({ db: await getDb(), body, locale, ip: clientIp(req) });
  return NextResponse.json(
    { id: request.id, status: request.status },
    { status: request.created ? 201 : 200 },
  );
});
