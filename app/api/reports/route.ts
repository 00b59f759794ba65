import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { consumeRateLimit, submissionLimits } from "@/lib/abuse/rate-limit";
import { AppError } from "@/lib/errors";
import { parseBBox } from "@/lib/geo/bbox";
import { clientIp, withApi } from "@/lib/http";
import { fileReport, fileReportSchema } from "@/lib/reports/file-report";
import { parsePublicFilters } from "@/lib/reports/public-filters";
import { listPublicReports } from "@/lib/reports/list-public-reports";
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from "@/lib/reports/photos";

export const dynamic = "force-dynamic";

/** Public reports in a map area, as GeoJSON: `?bbox=west,south,east,north` plus optional filters. */
export const GET = withApi(async (req, { locale }) => {
  const bbox = parseBBox(req.nextUrl.searchParams.get("bbox"));
  const filters = parsePublicFilters(req.nextUrl.searchParams);
  const collection = await listPublicReports({ db: await getDb(), bbox, locale, filters });
  return NextResponse.json(collection, {
    headers: { "content-type": "application/geo+json", "cache-control": "public, max-age=30", vary: "accept-language, cookie" },
  });
});

// Three photos at the limit plus the form itself.
const MAX_BODY_BYTES = MAX_PHOTOS * MAX_PHOTO_BYTES + 1024 * 1024;

/**
 * A citizen files a report: multipart form with `data` (JSON, see fileReportSchema) and up to three
 * `photos`. 201 with the tracking code; a retry with the same submission key answers 200 with the
 * same report.
 */
export const POST = withApi(async (req, { locale }) => {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new AppError({ code: "payload_too_large", messageKey: "requestTooLarge" });
  const form = await req.formData().catch(() => {
    throw new AppError({ code: "bad_request", messageKey: "malformedForm" });
  });
  const raw = form.get("data");
  let json: unknown;
  try {
    json = JSON.parse(typeof raw === "string" ? raw : "");
  } catch {
    throw new AppError({ code: "bad_request", messageKey: "malformedForm" });
  }
  const report = fileReportSchema.parse({ locale, ...(json as object), channel: "web" });
  const files = form.getAll("photos").filter((f): f is File => typeof f !== "string");
  if (files.length > MAX_PHOTOS) throw new AppError({ code: "unprocessable", messageKey: "tooManyPhotos", details: { max: MAX_PHOTOS } });
  for (const file of files) {
    if (file.size > MAX_PHOTO_BYTES) {
      throw new AppError({ code: "payload_too_large", messageKey: "photoTooLarge", details: { maxMb: MAX_PHOTO_BYTES / 1024 / 1024 } });
    }
  }
  const db = await getDb();
  await consumeRateLimit({ db, rule: submissionLimits.perIp, key: clientIp(req) });
  const contactKey = report.contact?.email ?? report.contact?.phone?.replace(/\D/g, "");
  if (contactKey) await consumeRateLimit({ db, rule: submissionLimits.perContact, key: contactKey });
  const photos = await Promise.all(files.map(async (f) => Buffer.from(await f.arrayBuffer())));
  const filed = await fileReport({ db, report, photos });
  return NextResponse.json(
    {
      trackingCode: filed.trackingCode,
      url: `/reports/${filed.trackingCode}`,
      status: filed.status,
      dueAt: filed.dueAt.toISOString(),
      created: filed.created,
    },
    { status: filed.created ? 201 : 200 },
  );
});
