import { NextResponse } from "next/server";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { queryOne } from "@/db/query";
import { withStaff } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { readIdempotencyKey } from "@/lib/http";
import { MAX_PHOTOS } from "@/lib/reports/photos";
import { normaliseTrackingCode } from "@/lib/reports/tracking-code";
import { getStaffReport } from "@/lib/reports/get-staff-report";
import { staffActionSchema } from "@/lib/workflow/action-schema";
import type { WorkflowAction } from "@/lib/workflow/apply-action";
import { performReportAction } from "@/lib/workflow/perform-report-action";
import { readForm, readJson } from "@/lib/request/read-body";
import { assertCleanText } from "@/lib/request/clean-text";
import { MAX_REPORT_BODY_BYTES } from "@/lib/reports/read-report-form";

export const dynamic = "force-dynamic";

/**
 * One action on a report: `{ expectedVersion, action }`. 200 with the report as it now is; 409 when
 * the report changed since `expectedVersion` (with its current state) or the step is not allowed
 * from its status; 403 when this user may not take it. With an `Idempotency-Key` header a repeat of
 * an action already applied answers 200 with `Idempotency-Replayed: true` and changes nothing (the
 * field app's offline queue sends one key per action).
 */
export const POST = withStaff<{ id: string }>("reports.act", async (req, { params, user, actor, locale }) => {
  const id = Number((await params).id);
  const idempotencyKey = readIdempotencyKey(req);
  const db = await getDb();
  const visible = Number.isInteger(id) ? await getStaffReport({ db, id, user, locale }) : null;
  if (!visible) throw new AppError({ code: "not_found", messageKey: "reportNotFound" });
  // JSON, or a multipart form with `data` (the same JSON) and up to three `photos` of the work.
  let raw: unknown = null;
  let photos: Buffer[] = [];
  if ((req.headers.get("content-type") ?? "").includes("multipart/form-data")) {
    const form = await readForm(req, { maxBytes: MAX_REPORT_BODY_BYTES });
    const data = form?.get("data");
    try {
      raw = JSON.parse(typeof data === "string" ? data : "");
    } catch {
      raw = null;
    }
    assertCleanText(raw);
    const files = (form?.getAll("photos") ?? []).filter((f): f is File => typeof f !== "string");
    if (files.length > MAX_PHOTOS)
      throw new AppError({
        code: "unprocessable",
        messageKey: "tooManyPhotos",
        details: { max: MAX_PHOTOS },
      });
    photos = await Promise.all(files.map(async (f) => Buffer.from(await f.arrayBuffer())));
  } else {
    raw = await readJson(req);
  }
  const body = staffActionSchema.parse(raw);
  let action: WorkflowAction;
  if (body.action.type === "mark_duplicate") {
    const code = normaliseTrackingCode(body.action.duplicateOfCode);
    const original = code
      ? await queryOne<{ id: number }>(db, sql`select id from reports where tracking_code = ${code}`)
      : undefined;
    if (!original) throw new AppError({ code: "unprocessable", messageKey: "duplicateTargetNotFound" });
    action = {
      type: "mark_duplicate",
      duplicateOfId: original.id,
      publicText: body.action.publicText,
      internalNote: body.action.internalNote,
    };
  } else {
    action = body.action;
  }
  const { replayed } = await performReportAction({
    db,
    reportId: id,
    expectedVersion: body.expectedVersion,
    actor,
    action,
    photos,
    idempotencyKey,
  });
  return NextResponse.json(
    await getStaffReport({ db, id, user, locale }),
    replayed ? { headers: { "idempotency-replayed": "true" } } : undefined,
  );
});
