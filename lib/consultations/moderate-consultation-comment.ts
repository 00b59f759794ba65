import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { transaction } from "../../db/transaction";
import { AppError } from "../errors";
import { assertCanModerate, type Moderator } from "../moderation/can-moderate";
import { consultationModerationSchema } from "./consultation-schema";

/**
 * A moderator decides on a consultation comment: publish or reject a held one, hide a published
 * one from the public (it keeps its place without text) or show it again, or dismiss the public's
 * flags on it. The last decision stays on the comment for the public page; every decision joins the
 * comment's moderation history (consultation_comment_moderations), and the decision resolves the
 * comment's open flags in the moderation queue. Row-level security decides who may (the permits
 * office and whoever holds `moderator` in the municipality, migration 0033).
 */
export async function moderateConsultationComment(input: {
  db: Database;
  moderator: Moderator;
  consultationId: number;
  commentId: number;
  step: unknown;
  now?: Date;
}): Promise<{ state: "held" | "published" | "rejected"; hidden: boolean }> {
  const step = consultationModerationSchema.parse(input.step);
  const now = input.now ?? new Date();
  return transaction(input.db, async (tx) => {
    const [comment] = Number.isInteger(input.commentId)
      ? await tx
          .select({
            id: t.consultationComments.id,
            municipalityId: t.consultationComments.municipalityId,
            state: t.consultationComments.state,
            hiddenAt: t.consultationComments.hiddenAt,
          })
          .from(t.consultationComments)
          .where(
            and(
              eq(t.consultationComments.id, input.commentId),
              eq(t.consultationComments.consultationId, input.consultationId),
            ),
          )
      : [];
    if (!comment) throw new AppError({ code: "not_found", messageKey: "commentNotFound" });
    await assertCanModerate({ db: tx, user: input.moderator, municipalityId: comment.municipalityId });
    // Locked only once the moderator is known: locking asks the row policy for a change.
    const [locked] = await tx
      .select({ state: t.consultationComments.state, hiddenAt: t.consultationComments.hiddenAt })
      .from(t.consultationComments)
      .where(eq(t.consultationComments.id, comment.id))
      .for("update");
    if (!locked) throw new AppError({ code: "forbidden", messageKey: "permissionDenied" });
    comment.state = locked.state;
    comment.hiddenAt = locked.hiddenAt;
    const hidden = comment.hiddenAt !== null;
    const openFlags = await tx
      .select({ id: t.moderationFlags.id })
      .from(t.moderationFlags)
      .where(
        and(eq(t.moderationFlags.consultationCommentId, comment.id), isNull(t.moderationFlags.resolvedAt)),
      );
    const fits =
      step.action === "publish" || step.action === "reject"
        ? comment.state === "held"
        : step.action === "dismiss"
          ? openFlags.length > 0
          : comment.state === "published" && hidden === (step.action === "show");
    if (!fits) throw new AppError({ code: "conflict", messageKey: "alreadyModerated" });
    const state =
      step.action === "publish" ? "published" : step.action === "reject" ? "rejected" : comment.state;
    const hiddenAt = step.action === "hide" ? now : step.action === "show" ? null : comment.hiddenAt;
    const changed = await tx
      .update(t.consultationComments)
      .set({
        state,
        hiddenAt,
        moderationReason: step.reason,
        moderationNote: step.note || null,
        moderatedByUserId: input.moderator.id,
        moderatedAt: now,
      })
      .where(eq(t.consultationComments.id, comment.id))
      .returning({ id: t.consultationComments.id });
    if (changed.length === 0) throw new AppError({ code: "forbidden", messageKey: "permissionDenied" });
    await tx.insert(t.consultationCommentModerations).values({
      municipalityId: comment.municipalityId,
      consultationId: input.consultationId,
      commentId: comment.id,
      kind: historyKind[step.action],
      reason: step.reason,
      note: step.note || null,
      before: { state: comment.state, hidden, openFlags: openFlags.length },
      after: { state, hidden: hiddenAt !== null, openFlags: 0 },
      actorUserId: input.moderator.id,
      createdAt: now,
    });
    if (openFlags.length > 0)
      await tx
        .update(t.moderationFlags)
        .set({ resolvedAt: now, resolvedByUserId: input.moderator.id })
        .where(
          and(eq(t.moderationFlags.consultationCommentId, comment.id), isNull(t.moderationFlags.resolvedAt)),
        );
    return { state, hidden: hiddenAt !== null };
  });
}

const historyKind = {
  publish: "publish_comment",
  reject: "reject_comment",
  hide: "hide_comment",
  show: "show_comment",
  dismiss: "dismiss_flag",
} as const;
