import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";

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
    })),
    themes: [...new Set(comments.flatMap((c) => (c.theme ? [c.theme] : [])))].sort((a, b) =>
      a.localeCompare(b, "sr"),
    ),
  };
}
