import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import * as t from "../../db/schema";
import { AppError } from "../errors";
import type { ModeratorReason } from "./moderation-schema";

/**
 * "Report this comment" on a comment shown on a public consultation: a flag in the same moderation
 * queue as report comments, about the consultation comment. Only a comment the public reads
 * (public_consultation_comments, not hidden) can be flagged. A repeated flag while one from the
 * public is still open on the comment adds nothing: the queue shows the comment once, and the open
 * flag is answered.
 */
export async function flagConsultationComment(input: {
  db: Database;
  consultationId: number;
  commentId: number;
  reason: ModeratorReason;
  note?: string;
  now?: Date;
}): Promise<{ flagId: number; repeated: boolean }> {
  const comment =
    Number.isInteger(input.consultationId) && Number.isInteger(input.commentId)
      ? await queryOne<{ id: number; municipality_id: number }>(
          input.db,
          sql`select m.id, c.municipality_id
              from public_consultation_comments m join public_consultations c on c.id = m.consultation_id
              where m.consultation_id = ${input.consultationId} and m.id = ${input.commentId} and not m.hidden`,
        )
      : undefined;
  if (!comment) throw new AppError({ code: "not_found", messageKey: "commentNotFound" });
  const open = await queryOne<{ id: number }>(
    input.db,
    sql`select id from moderation_flags
        where consultation_comment_id = ${comment.id} and source = 'public' and resolved_at is null
        order by id limit 1`,
  );
  if (open) return { flagId: open.id, repeated: true };
  const [flag] = await input.db
    .insert(t.moderationFlags)
    .values({
      municipalityId: comment.municipality_id,
      consultationCommentId: comment.id,
      source: "public",
      reason: input.reason,
      note: input.note || null,
      createdAt: input.now ?? new Date(),
    })
    .returning({ id: t.moderationFlags.id });
  return { flagId: flag!.id, repeated: false };
}
