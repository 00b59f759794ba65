import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";

export type ListedComment = {
  id: number;
  body: string;
  state: "held" | "published" | "rejected";
  /** The questionnaire's answer: true "fixed", false "still a problem"; null for a comment. */
  fixed: boolean | null;
  fromReporter: boolean;
  photoIds: number[];
  createdAt: string;
};

/**
 * A report's citizen comments, oldest first. The public sees published ones only; staff see every
 * comment and every questionnaire answer, to decide on them and for the trail. Never the author.
 */
export async function listReportComments(input: {
  db: Database;
  /** The staff page knows the report's id, the public page its tracking code. */
  report: { id: number } | { code: string };
  audience: "public" | "staff";
}): Promise<ListedComment[]> {
  const reportId =
    "id" in input.report
      ? sql`${input.report.id}`
      : sql`(select r.id from public_reports r where r.tracking_code = ${input.report.code})`;
  const rows = await queryRows<{
    id: number;
    body: string;
    state: ListedComment["state"];
    questionnaire_fixed: boolean | null;
    from_reporter: boolean;
    photo_ids: number[] | null;
    created_at: string | Date;
  }>(
    input.db,
    sql`select m.id, m.body, m.state, m.questionnaire_fixed, m.created_at,
               exists (select 1 from report_contacts c where c.report_id = m.report_id and c.user_id = m.user_id) as from_reporter,
               (select array_agg(a.id order by a.id) from attachments a where a.comment_id = m.id) as photo_ids
        from report_comments m
        where m.report_id = ${reportId}
          and (${input.audience === "staff"} or m.state = 'published')
        order by m.created_at, m.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    state: r.state,
    fixed: r.questionnaire_fixed,
    fromReporter: r.from_reporter,
    photoIds: r.photo_ids ?? [],
    createdAt: new Date(r.created_at).toISOString(),
  }));
}
