import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { consumeRateLimit, submissionLimits } from "@/lib/abuse/rate-limit";
import { clientIp, withApi } from "@/lib/http";
import { citizenFromRequest } from "@/lib/auth/session";
import { supportReport } from "@/lib/reports/support-report";
import { readJson } from "@/lib/request/read-body";

export const dynamic = "force-dynamic";

/** Support and/or follow an existing report: `{ email?, support?, locale? }`. */
export const POST = withApi<{ code: string }>(async (req, { params, locale }) => {
  const { code } = await params;
  const body = (await readJson(req)) ?? {};
  const db = await getDb();
  await consumeRateLimit({ db, rule: submissionLimits.perIp, key: clientIp(req) });
  const citizen = await citizenFromRequest(req);
  const result = await supportReport({ db, code, body: { locale, ...body }, citizen: citizen ?? undefined });
  return NextResponse.json(result);
});
