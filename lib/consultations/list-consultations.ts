import "server-only";
import { desc, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import * as t from "../../db/schema";

export type PublicConsultationListItem = {
  id: number;
  title: string;
  question: string;
  status: "open" | "closed";
  isOpen: boolean;
  opensOn: string | null;
  closesOn: string | null;
  comments: number;
};

/** Consultations the public sees (public_consultations), open ones first, then the newest. */
export async function listPublicConsultations(input: {
  db: Database;
}): Promise<PublicConsultationListItem[]> {
  const c = t.publicConsultations;
  const rows = await input.db
    .select({
      id: c.id,
      title: c.title,
      question: c.question,
      status: c.status,
      isOpen: c.isOpen,
      opensOn: c.opensOn,
      closesOn: c.closesOn,
      comments: sql<number>`(select count(*)::int from public_consultation_comments m where m.consultation_id = ${c.id})`,
    })
    .from(c)
    .orderBy(desc(c.isOpen), desc(c.id));
  return rows.map((r) => ({
    ...r,
    status: r.status === "open" ? "open" : "closed",
    comments: Number(r.comments),
  }));
}

export type StaffConsultationListItem = {
  id: number;
  title: string;
  status: "draft" | "open" | "closed";
  closesOn: string | null;
  comments: number;
  held: number;
  unanswered: number;
};

/** The staff list: every consultation the staff member's municipalities hold (row-level security), with work waiting. */
export async function listStaffConsultations(input: { db: Database }): Promise<StaffConsultationListItem[]> {
  return queryRows<StaffConsultationListItem>(
    input.db,
    sql`select c.id, c.title, c.status, c.closes_on::text as "closesOn",
               (select count(*)::int from consultation_comments m where m.consultation_id = c.id) as comments,
               (select count(*)::int from consultation_comments m where m.consultation_id = c.id and m.state = 'held') as held,
               (select count(*)::int from consultation_comments m
                 where m.consultation_id = c.id and m.state = 'published' and m.answer is null) as unanswered
        from consultations c order by c.id desc`,
  );
}
