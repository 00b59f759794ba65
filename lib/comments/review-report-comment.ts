import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import { AppError } from "../errors";
import { transaction } from "../../db/transaction";
import * as t from "../../db/schema";
import { moderatorReasons } from "../moderation/moderation-schema";

export const reviewSchema = z.object({
  decision: z.enum(["publish", "reject"]),
  // Why, for the moderation history (a rejection usually names one); "other" when not given.
  reason: z.enum(moderatorReasons).default("other"),
  note: z.string().trim().max(1000).optional(),
});

/**
 * Staff publish a held citizen comment (it and its photos appear on the public page) or reject it
 * (it stays in the staff trail only), recorded in the moderation history. A comment is decided
 * once; deciding again is a conflict.
 */
export async function reviewReportComment(input: {
  db: Database;
  reportId: number;
  commentId: number;
  decision: unknown;
  reason?: unknown;
  note?: unknown;
  staffUserId: number;
  now?: Date;
}): Promise<{ state: "published" | "rejected" }> {
  const { decision, reason, note } = reviewSchema.parse({
    decision: input.decision,
    reason: input.reason ?? undefined,
    note: input.note ?? undefined,
  });
  if (!Number.isInteger(input.commentId))
    throw new AppError({ code: "not_found", messageKey: "commentNotFound" });
  const state = decision === "publish" ? "published" : "rejected";
  const now = input.now ?? new Date();
  return transaction(input.db, async (tx) => {
    const row = await queryOne<{ id: number; state: string; municipality_id: number }>(
      tx,
      sql`select id, state, municipality_id from report_comments
          where id = ${input.commentId} and report_id = ${input.reportId} for update`,
    );
    if (!row) throw new AppError({ code: "not_found", messageKey: "commentNotFound" });
    if (row.state !== "held") throw new AppError({ code: "conflict", messageKey: "commentAlreadyReviewed" });
    await tx.execute(
      sql`update report_comments set state = ${state}, reviewed_by_user_id = ${input.staffUserId},
            reviewed_at = ${now.toISOString()}::timestamptz where id = ${row.id}`,
    );
    await tx.execute(
      sql`update attachments set is_public = ${state === "published"} where comment_id = ${row.id}`,
    );
    // The decision joins the report's moderation history and settles the comment's flags.
    await tx.insert(t.moderationActions).values({
      municipalityId: row.municipality_id,
      reportId: input.reportId,
      commentId: row.id,
      kind: state === "published" ? "publish_comment" : "reject_comment",
      reason,
      note: note || null,
      before: { state: "held" },
      after: { state },
      actorUserId: input.staffUserId,
      createdAt: now,
    });
    await tx.execute(
      sql`update moderation_flags set resolved_at = ${now.toISOString()}::timestamptz, resolved_by_user_id = ${input.staffUserId}
          where comment_id = ${row.id} and resolved_at is null`,
    );
    return { state };
  });
}
