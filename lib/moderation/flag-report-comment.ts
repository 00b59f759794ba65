import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import * as t from "../../db/schema";
import { AppError } from "../errors";
import { normaliseTrackingCode } from "../reports/tracking-code";
import type { ModeratorReason } from "./moderation-schema";

/**
 * "Report abuse" on a citizen's comment shown on a public report: a flag on the comment in the
 * moderation queue. Only a comment the public reads (public_report_comments, not hidden) can be
 * flagged.
 */
export async function flagReportComment(input: {
  db: Database;
  code: string;
  commentId: number;
  reason: ModeratorReason;
  note?: string;
  now?: Date;
}): Promise<{ flagId: number }> {
  const code = normaliseTrackingCode(input.code);
  const comment =
    code && Number.isInteger(input.commentId)
      ? await queryOne<{ id: number; report_id: number; municipality_id: number }>(
          input.db,
          sql`select c.id, c.report_id, r.municipality_id
              from public_report_comments c join public_reports r on r.id = c.report_id
              where r.tracking_code = ${code} and c.id = ${input.commentId} and not c.hidden`,
        )
      : undefined;
  if (!comment) throw new AppError({ code: "not_found", messageKey: "commentNotFound" });
  const [flag] = await input.db
    .insert(t.moderationFlags)
    .values({
      municipalityId: comment.municipality_id,
      reportId: comment.report_id,
      commentId: comment.id,
      source: "public",
      reason: input.reason,
      note: input.note || null,
      createdAt: input.now ?? new Date(),
    })
    .returning({ id: t.moderationFlags.id });
  return { flagId: flag!.id };
}
