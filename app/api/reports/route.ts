import { NextResponse } from "next/server";
import { randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import {
  getPublicReadDb,
  READ_YOUR_WRITES_COOKIE,
  READ_YOUR_WRITES_SECONDS,
  wantsOwnWrites,
} from "@/db/read";
import { retryLogged } from "@/db/retry";
import { submissionLimits, type RateLimitHit } from "@/lib/abuse/rate-limit";
import { parseBBox } from "@/lib/geo/bbox";
import { clientIp, withApi, withPublicApi } from "@/lib/http";
import { citizenFromRequest } from "@/lib/auth/session";
import { fileReport, fileReportSchema } from "@/lib/reports/file-report";
import { parsePublicFilters } from "@/lib/reports/public-filters";
import { listPublicReports } from "@/lib/reports/list-public-reports";
import { readReportForm } from "@/lib/reports/read-report-form";
import { corsGet, corsPreflight } from "@/lib/request/cors";

export const dynamic = "force-dynamic";

/** Public reports in a map area, as GeoJSON: `?bbox=west,south,east,north` plus optional filters. */
export const GET = corsGet(
  withPublicApi(async (req, { locale }) => {
    const bbox = parseBBox(req.nextUrl.searchParams.get("bbox"));
    const filters = parsePublicFilters(req.nextUrl.searchParams);
    const db = await getPublicReadDb({ fresh: wantsOwnWrites(req) });
    const collection = await listPublicReports({ db, bbox, locale, filters });
    return NextResponse.json(collection, {
      headers: {
        "content-type": "application/geo+json",
        "cache-control": "public, max-age=30",
        vary: "accept-language, cookie",
      },
    });
  }),
);

/** Preflight for the public GET (other sites' maps); filing is for this site's own form. */
export const OPTIONS = corsPreflight;

/**
 * A citizen files a report: multipart form with `data` (JSON, see fileReportSchema) and up to three
 * `photos`. 201 with the tracking code; a retry with the same submission key answers 200 with the
 * same report.
 */
export const POST = withApi(async (req, { locale }) => {
  const { data, photos } = await readReportForm(req);
  const report = fileReportSchema.parse({ locale, ...data, channel: "web" });
  // A key of our own when the client sent none, so the retries below (a database failover
  // mid-filing) can never file the report twice.
  report.submissionKey ??= randomUUID();
  const db = await getDb();
  // Per address and per contact; counted in the filing's first statement, refused before anything else.
  const contactKey = report.contact?.email ?? report.contact?.phone?.replace(/\D/g, "");
  const rateLimits: RateLimitHit[] = [
    { rule: submissionLimits.perIp, key: clientIp(req) },
    ...(contactKey ? [{ rule: submissionLimits.perContact, key: contactKey }] : []),
  ];
  const citizen = await citizenFromRequest(req);
  const filed = await retryLogged("filing", () =>
    fileReport({ db, report, photos, citizen: citizen ?? undefined, rateLimits }),
  );
  const response = NextResponse.json(
    {
      trackingCode: filed.trackingCode,
      url: `/reports/${filed.trackingCode}`,
      status: filed.status,
      dueAt: filed.dueAt.toISOString(),
      created: filed.created,
    },
    { status: filed.created ? 201 : 200 },
  );
  // For a minute this browser's map and tiles read the primary, so the report just filed is on
  // it even when public reads go to a standby (db/read.ts).
  response.cookies.set(READ_YOUR_WRITES_COOKIE, "1", {
    path: "/",
    maxAge: READ_YOUR_WRITES_SECONDS,
    httpOnly: true,
    sameSite: "lax",
  });
  return response;
});
