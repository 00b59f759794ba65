import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { transaction } from "../../db/transaction";
import { AppError } from "../errors";
import { assertCanModerate, type Moderator } from "../moderation/can-moderate";
import { consultationModerationSchema } from "./consultation-schema";

/**
 * A moderator decides on a consultation comment: publish or reject a held one, hide a published
 * one from the public (it keeps its place without text) or show it again. The last decision, its
 * reason and its author stay on the comment.
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
    const fits =
      step.action === "publish" || step.action === "reject"
        ? comment.state === "held"
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
    // The row policy lets the permits office and the desk change consultations (migration 0027);
    // a moderator from an organisation granted moderation of reports does not reach them.
    if (changed.length === 0) throw new AppError({ code: "forbidden", messageKey: "permissionDenied" });
    return { state, hidden: hiddenAt !== null };
  });
}
