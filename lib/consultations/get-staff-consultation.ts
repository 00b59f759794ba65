import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import * as t from "../../db/schema";
import type { ModerationHistoryEntry } from "../moderation/list-moderation-history";

/**
 * One moderator's decision on a comment, as its history keeps it: a report's moderation entry without
 * the photo. `actor` is null for a colleague the reader may not see, or a decision recorded before
 * names were kept.
 */
export type ConsultationModerationEntry = Omit<ModerationHistoryEntry, "attachmentId">;

/** An open "report this comment" flag from the public (moderators only: row-level security). */
export type ConsultationCommentFlag = { id: number; reason: string; note: string | null; createdAt: string };

export type StaffConsultationComment = {
  id: number;
  body: string;
  publicBody: string | null;
  state: "held" | "published" | "rejected";
  hidden: boolean;
  reason: string | null;
  hasEmail: boolean;
  theme: string | null;
  answer: string | null;
  answeredAt: string | null;
  createdAt: string;
  /** Every moderation decision on it, oldest first. */
  history: ConsultationModerationEntry[];
  flags: ConsultationCommentFlag[];
};

export type StaffConsultation = {
  id: number;
  municipalityId: number;
  title: string;
  question: string;
  description: string | null;
  status: "draft" | "open" | "closed";
  opensOn: string | null;
  closesOn: string | null;
  permitId: number | null;
  comments: StaffConsultationComment[];
  /** The themes the office has used so far, to choose from (alphabetical). */
  themes: string[];
};

/**
 * A consultation for the permits office and the moderators (row-level security decides whether it
 * exists for the caller): every comment with the original beside the public text. Whether the
 * commenter left an address, never the address itself.
 */
export async function getStaffConsultation(input: {
  db: Database;
  id: number;
}): Promise<StaffConsultation | null> {
  if (!Number.isInteger(input.id)) return null;
  const [row] = await input.db.select().from(t.consultations).where(eq(t.consultations.id, input.id));
  if (!row) return null;
  const m = t.consultationComments;
  const comments = await input.db
    .select()
    .from(m)
    .where(eq(m.consultationId, row.id))
    .orderBy(asc(m.createdAt), asc(m.id));
  const history = await queryRows<{
    id: number;
    comment_id: number;
    kind: string;
    reason: string;
    note: string | null;
    before: Record<string, unknown>;
    after: Record<string, unknown>;
    actor: string | null;
    created_at: string | Date;
  }>(
    input.db,
    sql`select h.id, h.comment_id, h.kind, h.reason, h.note, h.before, h.after, u.name as actor, h.created_at
        from consultation_comment_moderations h left join users u on u.id = h.actor_user_id
        where h.consultation_id = ${row.id} order by h.created_at, h.id`,
  );
  const flags = await queryRows<{
    id: number;
    comment_id: number;
    reason: string;
    note: string | null;
    created_at: string | Date;
  }>(
    input.db,
    sql`select f.id, f.consultation_comment_id as comment_id, f.reason, f.note, f.created_at
        from moderation_flags f join consultation_comments m on m.id = f.consultation_comment_id
        where m.consultation_id = ${row.id} and f.resolved_at is null order by f.id`,
  );
  return {
    id: row.id,
    municipalityId: row.municipalityId,
    title: row.title,
    question: row.question,
    description: row.description,
    status: row.status,
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    permitId: row.permitId,
    comments: comments.map((c) => ({
      id: c.id,
      body: c.body,
      publicBody: c.publicBody,
      state: c.state,
      hidden: c.hiddenAt !== null,
      reason: c.moderationReason,
      hasEmail: c.email !== null,
      theme: c.theme,
      answer: c.answer,
      answeredAt: c.answeredAt ? new Date(c.answeredAt).toISOString() : null,
      createdAt: new Date(c.createdAt).toISOString(),
      history: history
        .filter((h) => h.comment_id === c.id)
        .map((h) => ({
          id: h.id,
          kind: h.kind,
          reason: h.reason,
          note: h.note,
          before: h.before,
          after: h.after,
          actor: h.actor,
          createdAt: new Date(h.created_at).toISOString(),
        })),
      flags: flags
        .filter((f) => f.comment_id === c.id)
        .map((f) => ({
          id: f.id,
          reason: f.reason,
          note: f.note,
          createdAt: new Date(f.created_at).toISOString(),
        })),
    })),
    themes: [...new Set(comments.flatMap((c) => (c.theme ? [c.theme] : [])))].sort((a, b) =>
      a.localeCompare(b, "sr"),
    ),
  };
}
