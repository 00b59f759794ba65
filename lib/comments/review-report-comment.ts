import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import { AppError } from "../errors";
import { transaction } from "../../db/transaction";

export const reviewSchema = z.object({ decision: z.enum(["publish", "reject"]) });

/**
 * Staff publish a held citizen comment (it and its photos appear on the public page) or reject it
 * (it stays in the staff trail only). A comment is decided once; deciding again is a conflict.
 */
export async function reviewReportComment(input: {
  db: Database;
  reportId: number;
  commentId: number;
  decision: unknown;
  staffUserId: number;
  now?: Date;
}): Promise<{ state: "published" | "rejected" }> {
  const { decision } = reviewSchema.parse({ decision: input.decision });
  if (!Number.isInteger(input.commentId))
    throw new AppError({ code: "not_found", messageKey: "commentNotFound" });
  const state = decision === "publish" ? "published" : "rejected";
  const now = input.now ?? new Date();
  return transaction(input.db, async (tx) => {
    const row = await queryOne<{ id: number; state: string }>(
      tx,
      sql`select id, state from report_comments where id = ${input.commentId} and report_id = ${input.reportId} for update`,
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
    return { state };
  });
}
