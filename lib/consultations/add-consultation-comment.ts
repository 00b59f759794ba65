import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { transaction } from "../../db/transaction";
import { AppError } from "../errors";
import { isLocale, type Locale } from "../i18n/config";
import { screenComment } from "../moderation/screen-comment";
import { consultationCommentSchema } from "./consultation-schema";

/**
 * A citizen comments on an open consultation, signed in or not, optionally leaving an e-mail
 * address to hear the answer. The comment goes through the municipality's screen as report
 * comments do: contacts masked in its public text, held under pre-moderation or for a listed
 * word, else public at once. A closed (or unpublished) consultation takes nothing: 409.
 */
export async function addConsultationComment(input: {
  db: Database;
  consultationId: number;
  comment: unknown;
  locale: Locale | string;
  userId?: number | null;
  now?: Date;
}): Promise<{ id: number; state: "held" | "published" }> {
  const { body, email } = consultationCommentSchema.parse(input.comment);
  const now = input.now ?? new Date();
  return transaction(input.db, async (tx) => {
    // The public view is the one rule for whether a consultation takes comments.
    const [consultation] = Number.isInteger(input.consultationId)
      ? await tx
          .select({
            municipalityId: t.publicConsultations.municipalityId,
            isOpen: t.publicConsultations.isOpen,
          })
          .from(t.publicConsultations)
          .where(eq(t.publicConsultations.id, input.consultationId))
      : [];
    if (!consultation) throw new AppError({ code: "not_found", messageKey: "consultationNotFound" });
    if (!consultation.isOpen) throw new AppError({ code: "conflict", messageKey: "consultationClosed" });
    const screening = await screenComment({
      db: tx,
      municipalityId: consultation.municipalityId,
      text: body,
    });
    const [row] = await tx
      .insert(t.consultationComments)
      .values({
        consultationId: input.consultationId,
        municipalityId: consultation.municipalityId,
        body,
        publicBody: screening.publicText === body ? null : screening.publicText,
        state: screening.status,
        moderationReason: screening.reason,
        email: email ?? null,
        locale: isLocale(input.locale) ? input.locale : "sr-Latn",
        userId: input.userId ?? null,
        createdAt: now,
      })
      .returning({ id: t.consultationComments.id });
    return { id: row!.id, state: screening.status };
  });
}
