import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { municipalities } from "./places";
import { reportComments } from "./comments";
import { attachments, reports } from "./reports";
import { users } from "./users";

/**
 * What a moderator (or the automatic screen) did to public content. hide/show a report or photo;
 * redact: the public description/address replaced, the original kept; mask_contacts: e-mail addresses
 * and phone numbers masked automatically; hold: a listed word kept the text from the public until
 * a moderator looked. hide/show_comment: a published citizen's comment; publish/reject_comment: a
 * held one decided.
 */
export const moderationActionKind = pgEnum("moderation_action_kind", [
  "hide_report",
  "show_report",
  "redact_report",
  "hide_photo",
  "show_photo",
  "hide_comment",
  "show_comment",
  "mask_contacts",
  "hold",
  "dismiss_flag",
  "publish_comment",
  "reject_comment",
]);

/**
 * Why: the moderator picks one and may add free text; contact_details and held_word are the
 * automatic screen's, pre_moderation a comment waiting because the municipality reads every one first.
 */
export const moderationReason = pgEnum("moderation_reason", [
  "personal_data",
  "offensive",
  "defamation",
  "spam",
  "off_topic",
  "other",
  "contact_details",
  "held_word",
  "pre_moderation",
]);

/** Who raised a flag: a member of the public ("report abuse") or the automatic screen. */
export const moderationFlagSource = pgEnum("moderation_flag_source", ["public", "automatic"]);

/** Citizens' comments are checked before they are public (pre) or may be hidden afterwards (post). */
export const commentModeration = pgEnum("comment_moderation", ["pre", "post"]);

/** The moderation history of a report: who, when, what, the public state before and after. */
export const moderationActions = pgTable(
  "moderation_actions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id),
    attachmentId: integer("attachment_id").references(() => attachments.id),
    // A step on one citizen's comment of the report.
    commentId: integer("comment_id").references(() => reportComments.id),
    kind: moderationActionKind("kind").notNull(),
    reason: moderationReason("reason").notNull(),
    note: text("note"),
    before: jsonb("before").$type<Record<string, unknown>>().notNull().default({}),
    after: jsonb("after").$type<Record<string, unknown>>().notNull().default({}),
    // Null: the automatic screen.
    actorUserId: integer("actor_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("moderation_actions_report_idx").on(t.reportId, t.createdAt),
    foreignKey({
      name: "moderation_actions_report_fk",
      columns: [t.municipalityId, t.reportId],
      foreignColumns: [reports.municipalityId, reports.id],
    }),
  ],
);

export type ModerationAction = typeof moderationActions.$inferSelect;

/**
 * The moderation queue: "report abuse" from the public and the automatic screen's flags. Holds no
 * personal data (who pressed the link is not recorded; the rate limit keys on the address).
 */
export const moderationFlags = pgTable(
  "moderation_flags",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    // A flag is about a report (and maybe one of its comments) or about a consultation comment
    // (exactly one of the two: moderation_flags_one_target, migration 0033).
    reportId: integer("report_id").references(() => reports.id),
    // "Report abuse" on a comment, or the automatic screen of one.
    commentId: integer("comment_id").references(() => reportComments.id),
    // "Report this comment" on a consultation comment; its foreign key is declared in migration 0033
    // (consultations.ts imports this module's enums, so no reference back from here).
    consultationCommentId: integer("consultation_comment_id"),
    source: moderationFlagSource("source").notNull(),
    reason: moderationReason("reason").notNull(),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedByUserId: integer("resolved_by_user_id").references(() => users.id),
  },
  (t) => [
    index("moderation_flags_open_idx")
      .on(t.municipalityId, t.createdAt)
      .where(sql`resolved_at is null`),
    index("moderation_flags_report_idx").on(t.reportId),
    index("moderation_flags_consultation_comment_idx")
      .on(t.consultationCommentId)
      .where(sql`consultation_comment_id IS NOT NULL`),
    check("moderation_flags_one_target", sql`(report_id IS NULL) <> (consultation_comment_id IS NULL)`),
    index("moderation_flags_comment_idx")
      .on(t.commentId)
      .where(sql`comment_id IS NOT NULL`),
    foreignKey({
      name: "moderation_flags_report_fk",
      columns: [t.municipalityId, t.reportId],
      foreignColumns: [reports.municipalityId, reports.id],
    }),
  ],
);

export type ModerationFlag = typeof moderationFlags.$inferSelect;

/** A municipality's moderation settings; a municipality without a row uses the defaults. */
export const moderationSettings = pgTable("moderation_settings", {
  municipalityId: integer("municipality_id")
    .primaryKey()
    .references(() => municipalities.id),
  // Words (lower case) that hold a text for a moderator before it is public.
  heldWords: text("held_words")
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  commentModeration: commentModeration("comment_moderation").notNull().default("post"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type ModerationSettings = typeof moderationSettings.$inferSelect;
