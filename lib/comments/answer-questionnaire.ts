import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import { AppError } from "../errors";
import { performReportAction } from "../workflow/perform-report-action";
import { MAX_COMMENT_LENGTH } from "./add-report-comment";
import { getCommentTargetOrThrow } from "./comment-rights";

/** "Still a problem" reopens a report this long after it was resolved (FixMyStreet's questionnaire). */
export const REOPEN_WINDOW_DAYS = 30;

export const questionnaireSchema = z.object({
  fixed: z.boolean(),
  body: z.string().trim().max(MAX_COMMENT_LENGTH).default(""),
});

/**
 * The reporter answers "fixed?" after their report was resolved. "Still a problem" within 30 days
 * reopens it (a new service-standard period starts) with their comment; later, or once closed,
 * the answer is only recorded. Every answer goes to the staff trail; its text is held like any
 * comment until staff publish it.
 */
export async function answerQuestionnaire(input: {
  db: Database;
  code: string;
  citizen: { userId: number; email: string };
  answer: unknown;
  now?: Date;
}): Promise<{ reopened: boolean; commentId: number }> {
  const answer = questionnaireSchema.parse(input.answer);
  const now = input.now ?? new Date();
  const target = await getCommentTargetOrThrow(input);
  if (!target.isReporter) throw new AppError({ code: "forbidden", messageKey: "questionnaireReporterOnly" });
  if (target.status !== "resolved" && target.status !== "closed")
    throw new AppError({ code: "conflict", messageKey: "questionnaireNotResolved" });
  const withinWindow =
    target.status === "resolved" &&
    target.resolvedAt !== null &&
    now.getTime() - target.resolvedAt.getTime() <= REOPEN_WINDOW_DAYS * 86_400_000;
  const reopen = !answer.fixed && withinWindow;
  if (reopen) {
    await performReportAction({
      db: input.db,
      reportId: target.id,
      expectedVersion: target.version,
      actor: { kind: "citizen", userId: input.citizen.userId, isReporter: true },
      action: { type: "transition", to: "reopened", internalNote: answer.body || null },
      now,
    });
  }
  const row = await queryOne<{ id: number }>(
    input.db,
    sql`insert into report_comments (report_id, municipality_id, user_id, body, state, questionnaire_fixed, created_at)
        values (${target.id}, ${target.municipalityId}, ${input.citizen.userId}, ${answer.body}, 'held', ${answer.fixed}, ${now.toISOString()}::timestamptz)
        returning id`,
  );
  return { reopened: reopen, commentId: row!.id };
}
