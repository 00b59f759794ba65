import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { commentState } from "./comments";
import { multiPolygonColumn } from "./columns";
import { moderationActionKind, moderationReason } from "./moderation";
import { permits } from "./permits";
import { municipalities } from "./places";
import { users } from "./users";

/**
 * A consultation is prepared as a `draft`, `open` for comments (until its last day at the latest:
 * public_consultations decides), then `closed`; its record stays public.
 */
export const consultationStatus = pgEnum("consultation_status", ["draft", "open", "closed"]);

/**
 * e-Participation (e-Debate): the permits office asks the public a question about planned works or
 * a permit's site for a period, answers the comments publicly, and prints a summary for the council.
 */
export const consultations = pgTable(
  "consultations",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    // The permit whose works are discussed, if any (its site is copied to `site`).
    permitId: integer("permit_id").references(() => permits.id),
    title: text("title").notNull(),
    question: text("question").notNull(),
    description: text("description"),
    site: multiPolygonColumn("site"),
    status: consultationStatus("status").notNull().default("draft"),
    // The period as announced, in Europe/Belgrade days; comments are taken through `closes_on`.
    opensOn: date("opens_on"),
    closesOn: date("closes_on"),
    createdByUserId: integer("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("consultations_municipality_idx").on(t.municipalityId, t.status),
    index("consultations_site_gix").using("gist", t.site),
  ],
);

export type Consultation = typeof consultations.$inferSelect;
export type NewConsultation = typeof consultations.$inferInsert;

/**
 * A citizen's comment on a consultation, screened like a report comment (contacts masked in
 * `public_body`; held under pre-moderation or for a listed word), and the office's public answer.
 * Personal data: the optional e-mail (to hear the answer) and account, never public.
 */
export const consultationComments = pgTable(
  "consultation_comments",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    body: text("body").notNull(),
    publicBody: text("public_body"),
    state: commentState("state").notNull().default("held"),
    // A moderator's last decision on it: hidden (published, text withheld), why, by whom.
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    moderationReason: moderationReason("moderation_reason"),
    moderationNote: text("moderation_note"),
    moderatedByUserId: integer("moderated_by_user_id").references(() => users.id),
    moderatedAt: timestamp("moderated_at", { withTimezone: true }),
    // Where and in which language the answer is sent (optional).
    email: text("email"),
    locale: text("locale").notNull().default("sr-Latn"),
    userId: integer("user_id").references(() => users.id),
    // The theme the office files the comment under for the council's summary (short free text).
    theme: text("theme"),
    answer: text("answer"),
    answeredByUserId: integer("answered_by_user_id").references(() => users.id),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("consultation_comments_consultation_idx").on(t.consultationId, t.createdAt),
    index("consultation_comments_held_idx")
      .on(t.municipalityId)
      .where(sql`state = 'held'`),
  ],
);

export type ConsultationComment = typeof consultationComments.$inferSelect;

/**
 * Every moderator's decision on a consultation comment (publish, reject, hide, show, dismissing the
 * public's flags): who, when, why, the comment's state before and after. The comment's row keeps the
 * last decision for the public page; this keeps them all. Nobody changes or removes an entry.
 */
export const consultationCommentModerations = pgTable(
  "consultation_comment_moderations",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id),
    commentId: integer("comment_id")
      .notNull()
      .references(() => consultationComments.id),
    kind: moderationActionKind("kind").notNull(),
    reason: moderationReason("reason").notNull(),
    note: text("note"),
    before: jsonb("before").$type<Record<string, unknown>>().notNull().default({}),
    after: jsonb("after").$type<Record<string, unknown>>().notNull().default({}),
    actorUserId: integer("actor_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("consultation_comment_moderations_comment_idx").on(t.commentId, t.createdAt)],
);

export type ConsultationCommentModeration = typeof consultationCommentModerations.$inferSelect;
