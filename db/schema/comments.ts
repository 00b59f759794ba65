import { sql } from "drizzle-orm";
import { boolean, foreignKey, index, integer, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { municipalities } from "./places";
import { reports } from "./reports";
import { users } from "./users";

/**
 * A citizen's update is `held` until a moderator reads it (pre-moderation, or a listed word), or
 * `published` at once (post-moderation); `rejected` ones are kept for the trail only.
 */
export const commentState = pgEnum("comment_state", ["held", "published", "rejected"]);

/**
 * What the reporter or a follower adds to a report: a comment with up to three photos (rows in
 * `attachments` with `comment_id`), or their answer to "fixed?" after the report was resolved
 * (FixMyStreet's questionnaire). Personal data: the author's account, never shown publicly.
 */
export const reportComments = pgTable(
  "report_comments",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id),
    // Copied from the report: every report-side table sits under the municipality's policy.
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    // Null once the author deleted their account (the text stays, anonymised).
    userId: integer("user_id").references(() => users.id),
    body: text("body").notNull(),
    // What the public reads when the automatic screen masked contacts in it; null: the body itself.
    publicBody: text("public_body"),
    state: commentState("state").notNull().default("held"),
    // The questionnaire's answer: true "fixed", false "still a problem"; null for a plain comment.
    questionnaireFixed: boolean("questionnaire_fixed"),
    reviewedByUserId: integer("reviewed_by_user_id").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    // A moderator hid the published comment: it keeps its place publicly, without its text.
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("report_comments_report_idx").on(t.reportId, t.createdAt),
    index("report_comments_user_idx").on(t.userId),
    index("report_comments_held_idx")
      .on(t.municipalityId)
      .where(sql`state = 'held'`),
    foreignKey({
      name: "report_comments_report_fk",
      columns: [t.municipalityId, t.reportId],
      foreignColumns: [reports.municipalityId, reports.id],
    }),
  ],
);

export type ReportComment = typeof reportComments.$inferSelect;
