import "server-only";
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { transaction } from "../../db/transaction";
import { getEnv } from "../env";
import { AppError } from "../errors";
import { renderNotification } from "../notifications/render";
import { consultationAnswerSchema } from "./consultation-schema";

/**
 * The permits office answers a published comment publicly. A commenter who left an e-mail address
 * hears of it through the outbox, in the language they wrote in (one message per answer: the key
 * names the comment and the answer's time, so a retry of the same answer writes once).
 */
export async function answerConsultationComment(input: {
  db: Database;
  consultationId: number;
  commentId: number;
  answer: unknown;
  staffUserId: number;
  now?: Date;
}): Promise<{ answeredAt: string; notified: boolean }> {
  const { answer } = consultationAnswerSchema.parse(input.answer);
  const now = input.now ?? new Date();
  return transaction(input.db, async (tx) => {
    const [row] = Number.isInteger(input.commentId)
      ? await tx
          .select({
            id: t.consultationComments.id,
            state: t.consultationComments.state,
            email: t.consultationComments.email,
            locale: t.consultationComments.locale,
            title: t.consultations.title,
          })
          .from(t.consultationComments)
          .innerJoin(t.consultations, eq(t.consultations.id, t.consultationComments.consultationId))
          .where(
            and(
              eq(t.consultationComments.id, input.commentId),
              eq(t.consultationComments.consultationId, input.consultationId),
            ),
          )
          .for("update", { of: t.consultationComments })
      : [];
    if (!row) throw new AppError({ code: "not_found", messageKey: "commentNotFound" });
    // Answers are public: a held or rejected comment is decided first.
    if (row.state !== "published")
      throw new AppError({ code: "conflict", messageKey: "consultationAnswerNotPublished" });
    await tx
      .update(t.consultationComments)
      .set({ answer, answeredAt: now, answeredByUserId: input.staffUserId })
      .where(eq(t.consultationComments.id, row.id));
    if (!row.email) return { answeredAt: now.toISOString(), notified: false };
    const link = `${getEnv().PUBLIC_BASE_URL.replace(/\/$/, "")}/consultations/${input.consultationId}`;
    const rendered = await renderNotification({
      locale: row.locale,
      template: "consultation_answered",
      values: { title: row.title, answer, link },
    });
    const who = createHash("sha256").update(row.email).digest("hex").slice(0, 16);
    await tx
      .insert(t.outboxMessages)
      .values({
        messageKey: `consultation-comment-${row.id}-answer-${now.getTime()}-to-${who}`,
        recipient: row.email,
        locale: row.locale,
        template: "consultation_answered",
        subject: rendered.subject,
        body: rendered.body,
        payload: { consultationId: input.consultationId, commentId: row.id },
      })
      .onConflictDoNothing({ target: t.outboxMessages.messageKey });
    return { answeredAt: now.toISOString(), notified: true };
  });
}
