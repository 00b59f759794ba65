import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import * as t from "../../db/schema";
import { AppError } from "../errors";
import { notifyReportChange } from "../live/report-changes";
import { assertCanModerate, type Moderator } from "./can-moderate";
import type { ModerationStep } from "./moderation-schema";
import { transaction } from "../../db/transaction";

type LockedReport = {
  id: number;
  municipality_id: number;
  is_public: boolean;
  hidden_at: string | Date | null;
  public_description: string | null;
  public_address: string | null;
};

/** Whether the report was public before it was last hidden or held (restored when shown again). */
async function publicBeforeHiding(tx: Database, reportId: number): Promise<boolean> {
  const last = await queryOne<{ was_public: boolean | null }>(
    tx,
    sql`select (before ->> 'isPublic')::boolean as was_public from moderation_actions
        where report_id = ${reportId} and kind in ('hide_report', 'hold') and attachment_id is null
        order by id desc limit 1`,
  );
  return last?.was_public ?? true;
}

/**
 * One moderation step on a report, in one transaction with its history row. Hiding sets `hidden_at`
 * and clears `is_public`, so every public surface (and the map clusters) drops the report while the
 * staff queues and statistics keep it; redacting stores the public text beside the original; hiding
 * a citizen's comment keeps it in its place without text (public_report_comments). A step on a
 * comment resolves that comment's open flags, every other step the report's.
 */
export async function moderateReport(input: {
  db: Database;
  moderator: Moderator;
  reportId: number;
  step: ModerationStep;
  now?: Date;
}): Promise<{ actionId: number }> {
  const now = input.now ?? new Date();
  const { step } = input;
  return transaction(input.db, async (tx) => {
    const report = await queryOne<LockedReport>(
      tx,
      sql`select id, municipality_id, is_public, hidden_at, public_description, public_address
          from reports where id = ${input.reportId} for update`,
    );
    if (!report) throw new AppError({ code: "not_found", messageKey: "reportNotFound" });
    await assertCanModerate({ db: tx, user: input.moderator, municipalityId: report.municipality_id });

    let before: Record<string, unknown> = {};
    let after: Record<string, unknown> = {};
    let attachmentId: number | null = null;
    let commentId: number | null = null;
    let kind: (typeof t.moderationActionKind.enumValues)[number];

    if (step.type === "hide_report") {
      if (report.hidden_at) throw new AppError({ code: "conflict", messageKey: "alreadyModerated" });
      kind = "hide_report";
      before = { isPublic: report.is_public, hidden: false };
      after = { isPublic: false, hidden: true };
      await tx
        .update(t.reports)
        .set({ isPublic: false, hiddenAt: now, moderatedAt: now })
        .where(eq(t.reports.id, report.id));
    } else if (step.type === "show_report") {
      if (!report.hidden_at) throw new AppError({ code: "conflict", messageKey: "alreadyModerated" });
      kind = "show_report";
      const wasPublic = await publicBeforeHiding(tx, report.id);
      before = { isPublic: report.is_public, hidden: true };
      after = { isPublic: wasPublic, hidden: false };
      await tx
        .update(t.reports)
        .set({ isPublic: wasPublic, hiddenAt: null, moderatedAt: now })
        .where(eq(t.reports.id, report.id));
    } else if (step.type === "redact_report") {
      kind = "redact_report";
      const changes: { publicDescription?: string | null; publicAddress?: string | null } = {};
      if (step.description !== undefined) {
        before.publicDescription = report.public_description;
        after.publicDescription = step.description;
        changes.publicDescription = step.description;
      }
      if (step.address !== undefined) {
        before.publicAddress = report.public_address;
        after.publicAddress = step.address;
        changes.publicAddress = step.address;
      }
      if (Object.keys(changes).length === 0)
        throw new AppError({ code: "unprocessable", messageKey: "nothingToRedact" });
      await tx
        .update(t.reports)
        .set({ ...changes, moderatedAt: now })
        .where(eq(t.reports.id, report.id));
    } else if (step.type === "hide_photo" || step.type === "show_photo") {
      const hide = step.type === "hide_photo";
      kind = step.type;
      const [photo] = await tx
        .select({ id: t.attachments.id, hiddenAt: t.attachments.hiddenAt, isPublic: t.attachments.isPublic })
        .from(t.attachments)
        .where(and(eq(t.attachments.id, step.attachmentId), eq(t.attachments.reportId, report.id)));
      if (!photo) throw new AppError({ code: "not_found", messageKey: "photoNotFound" });
      if (hide === (photo.hiddenAt !== null))
        throw new AppError({ code: "conflict", messageKey: "alreadyModerated" });
      attachmentId = photo.id;
      before = { isPublic: photo.isPublic, hidden: !hide };
      // A photo shown again is as public as it was before it was hidden.
      const isPublic = hide ? false : await photoPublicBeforeHiding(tx, photo.id);
      after = { isPublic, hidden: hide };
      await tx
        .update(t.attachments)
        .set({ isPublic, hiddenAt: hide ? now : null })
        .where(eq(t.attachments.id, photo.id));
    } else if (step.type === "hide_comment" || step.type === "show_comment") {
      const hide = step.type === "hide_comment";
      kind = step.type;
      const comment = await queryOne<{ id: number; state: string; hidden: boolean }>(
        tx,
        sql`select id, state, hidden_at is not null as hidden from report_comments
            where id = ${step.commentId} and report_id = ${report.id} for update`,
      );
      if (!comment) throw new AppError({ code: "not_found", messageKey: "commentNotFound" });
      // A held comment is published or rejected; only a published one is hidden from the public.
      if (comment.state !== "published" || hide === comment.hidden)
        throw new AppError({ code: "conflict", messageKey: "alreadyModerated" });
      commentId = comment.id;
      before = { hidden: !hide };
      after = { hidden: hide };
      await tx
        .update(t.reportComments)
        .set({ hiddenAt: hide ? now : null })
        .where(eq(t.reportComments.id, comment.id));
      // Its photos leave the public with it and come back with it (they were public when it was shown).
      await tx
        .update(t.attachments)
        .set({ isPublic: !hide })
        .where(and(eq(t.attachments.commentId, comment.id), isNull(t.attachments.hiddenAt)));
    } else {
      kind = "dismiss_flag";
    }

    const [action] = await tx
      .insert(t.moderationActions)
      .values({
        municipalityId: report.municipality_id,
        reportId: report.id,
        attachmentId,
        commentId,
        kind,
        reason: step.reason,
        note: step.note || null,
        before,
        after,
        actorUserId: input.moderator.id,
        createdAt: now,
      })
      .returning({ id: t.moderationActions.id });
    // A step on a comment settles that comment's flags; any other step, every flag of the report.
    await tx
      .update(t.moderationFlags)
      .set({ resolvedAt: now, resolvedByUserId: input.moderator.id })
      .where(
        and(
          eq(t.moderationFlags.reportId, report.id),
          isNull(t.moderationFlags.resolvedAt),
          commentId === null ? undefined : eq(t.moderationFlags.commentId, commentId),
        ),
      );
    await notifyReportChange(tx, report.id);
    return { actionId: action!.id };
  });
}

async function photoPublicBeforeHiding(tx: Database, attachmentId: number): Promise<boolean> {
  const last = await queryOne<{ was_public: boolean | null }>(
    tx,
    sql`select (before ->> 'isPublic')::boolean as was_public from moderation_actions
        where attachment_id = ${attachmentId} and kind = 'hide_photo' order by id desc limit 1`,
  );
  return last?.was_public ?? true;
}
