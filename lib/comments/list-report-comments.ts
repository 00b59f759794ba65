import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import * as t from "../../db/schema";

export type ListedComment = {
  id: number;
  /** What this audience reads: the public text (contacts masked); null once a moderator hid it. */
  body: string | null;
  state: "held" | "published" | "rejected";
  /** The questionnaire's answer: true "fixed", false "still a problem"; null for a comment. */
  fixed: boolean | null;
  fromReporter: boolean;
  photoIds: number[];
  /** Hidden by a moderator: the public sees that a comment was moderated, not its text. */
  hidden: boolean;
  /** Hidden, or its public text differs from what was written (contacts masked). */
  moderated: boolean;
  createdAt: string;
};

export type StaffListedComment = ListedComment & {
  body: string;
  /** The text the public reads when it differs from the original (contacts masked). */
  publicBody: string | null;
  /** Open moderation flags on the comment ("report abuse", the automatic screen). */
  openFlags: number;
};

/**
 * A report's published citizen comments for the public, oldest first, from the one public rule
 * (the `public_report_comments` view, migration 0027): hidden ones keep their place without text.
 * Never the author.
 */
export async function listPublicReportComments(input: {
  db: Database;
  code: string;
}): Promise<ListedComment[]> {
  const c = t.publicReportComments;
  const rows = await input.db
    .select()
    .from(c)
    .where(eq(c.reportId, sql`(select r.id from public_reports r where r.tracking_code = ${input.code})`))
    .orderBy(asc(c.createdAt), asc(c.id));
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    state: "published" as const,
    fixed: r.fixed,
    fromReporter: r.fromReporter,
    photoIds: r.photoIds ?? [],
    hidden: r.hidden,
    moderated: r.moderated,
    createdAt: new Date(r.createdAt).toISOString(),
  }));
}

/**
 * Every comment and questionnaire answer of a report for staff, to decide on them and for the
 * trail: the original text beside the public one, the state and the open flags. Never the author.
 */
export async function listStaffReportComments(input: {
  db: Database;
  reportId: number;
}): Promise<StaffListedComment[]> {
  const rows = await queryRows<{
    id: number;
    body: string;
    public_body: string | null;
    state: ListedComment["state"];
    hidden: boolean;
    questionnaire_fixed: boolean | null;
    from_reporter: boolean;
    photo_ids: number[] | null;
    open_flags: number;
    created_at: string | Date;
  }>(
    input.db,
    sql`select m.id, m.body, m.public_body, m.state, m.hidden_at is not null as hidden,
               m.questionnaire_fixed, m.created_at,
               exists (select 1 from report_contacts c where c.report_id = m.report_id and c.user_id = m.user_id) as from_reporter,
               (select array_agg(a.id order by a.id) from attachments a where a.comment_id = m.id) as photo_ids,
               (select count(*)::int from moderation_flags f where f.comment_id = m.id and f.resolved_at is null) as open_flags
        from report_comments m
        where m.report_id = ${input.reportId}
        order by m.created_at, m.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    publicBody: r.public_body,
    state: r.state,
    fixed: r.questionnaire_fixed,
    fromReporter: r.from_reporter,
    photoIds: r.photo_ids ?? [],
    hidden: r.hidden,
    moderated: r.hidden || r.public_body !== null,
    openFlags: r.open_flags,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** A report's comments for either audience (the public page knows its code, staff its id). */
export async function listReportComments(input: {
  db: Database;
  report: { id: number } | { code: string };
  audience: "public" | "staff";
}): Promise<ListedComment[]> {
  if (input.audience === "public") {
    if ("code" in input.report) return listPublicReportComments({ db: input.db, code: input.report.code });
    const id = input.report.id;
    const code = await queryRows<{ tracking_code: string }>(
      input.db,
      sql`select tracking_code from public_reports where id = ${id}`,
    );
    return code[0] ? listPublicReportComments({ db: input.db, code: code[0].tracking_code }) : [];
  }
  if ("id" in input.report) return listStaffReportComments({ db: input.db, reportId: input.report.id });
  throw new Error("staff comments are listed by the report's id");
}
