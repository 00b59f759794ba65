import "server-only";
import { asc, eq } from "drizzle-orm";
import type { MultiPolygon } from "geojson";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";

export type PublicConsultationComment = {
  id: number;
  /** The public text (contacts masked); null once a moderator hid it. */
  body: string | null;
  hidden: boolean;
  moderated: boolean;
  answer: string | null;
  answeredAt: string | null;
  /** The theme the office filed it under, or null. */
  theme: string | null;
  createdAt: string;
};

export type PublicConsultation = {
  id: number;
  title: string;
  question: string;
  description: string | null;
  site: MultiPolygon | null;
  status: "open" | "closed";
  isOpen: boolean;
  opensOn: string | null;
  closesOn: string | null;
  closedAt: string | null;
  comments: PublicConsultationComment[];
};

/** A consultation as the public sees it, with its published comments and answers, from the public views. */
export async function getPublicConsultation(input: {
  db: Database;
  id: number;
}): Promise<PublicConsultation | null> {
  if (!Number.isInteger(input.id)) return null;
  const c = t.publicConsultations;
  const [row] = await input.db.select().from(c).where(eq(c.id, input.id));
  if (!row) return null;
  const m = t.publicConsultationComments;
  const comments = await input.db
    .select()
    .from(m)
    .where(eq(m.consultationId, row.id))
    .orderBy(asc(m.createdAt), asc(m.id));
  return {
    id: row.id,
    title: row.title,
    question: row.question,
    description: row.description,
    site: row.site,
    status: row.status === "open" ? "open" : "closed",
    isOpen: row.isOpen,
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    closedAt: row.closedAt ? new Date(row.closedAt).toISOString() : null,
    comments: comments.map((x) => ({
      id: x.id,
      body: x.body,
      hidden: x.hidden,
      moderated: x.moderated,
      answer: x.answer,
      answeredAt: x.answeredAt ? new Date(x.answeredAt).toISOString() : null,
      theme: x.theme,
      createdAt: new Date(x.createdAt).toISOString(),
    })),
  };
}

export type ConsultationSummary = {
  consultation: PublicConsultation;
  /** Published comments (hidden ones included: they were received and moderated). */
  published: number;
  answered: number;
  unanswered: number;
  hidden: number;
  masked: number;
  /** Comments grouped by theme: the largest group first, those without a theme last. */
  themes: ConsultationThemeGroup[];
};

export type ConsultationThemeGroup = {
  /** null: comments the office has not filed under a theme. */
  theme: string | null;
  count: number;
  answered: number;
  comments: PublicConsultationComment[];
};

/** Groups comments by theme: by size, then by name (Serbian order); the unthemed group last. */
export function groupCommentsByTheme(comments: PublicConsultationComment[]): ConsultationThemeGroup[] {
  const groups = new Map<string | null, PublicConsultationComment[]>();
  for (const c of comments) groups.set(c.theme, [...(groups.get(c.theme) ?? []), c]);
  return [...groups.entries()]
    .map(([theme, list]) => ({
      theme,
      count: list.length,
      answered: list.filter((c) => c.answer !== null).length,
      comments: list,
    }))
    .sort((a, b) =>
      a.theme === null
        ? 1
        : b.theme === null
          ? -1
          : b.count - a.count || a.theme.localeCompare(b.theme, "sr"),
    );
}

/** The printable summary for the council: the counts, every public comment and the office's answers. */
export async function getConsultationSummary(input: {
  db: Database;
  id: number;
}): Promise<ConsultationSummary | null> {
  const consultation = await getPublicConsultation(input);
  if (!consultation) return null;
  const comments = consultation.comments;
  const answered = comments.filter((c) => c.answer !== null).length;
  return {
    consultation,
    published: comments.length,
    answered,
    unanswered: comments.length - answered,
    hidden: comments.filter((c) => c.hidden).length,
    masked: comments.filter((c) => c.moderated && !c.hidden).length,
    themes: groupCommentsByTheme(comments),
  };
}
