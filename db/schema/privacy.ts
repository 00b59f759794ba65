import { foreignKey, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { municipalities } from "./places";
import { reports } from "./reports";
import { users } from "./users";

/**
 * How long a municipality keeps personal data after a report is closed (Serbian Law on Personal
 * Data Protection: no longer than the purpose needs). A municipality without a row uses the defaults.
 */
export const privacySettings = pgTable("privacy_settings", {
  municipalityId: integer("municipality_id")
    .primaryKey()
    .references(() => municipalities.id),
  // Reporters' contacts and followers' e-mails are anonymised this many months after closing; so are
  // consultation commenters' e-mails, counted from the consultation's closing.
  contactRetentionMonths: integer("contact_retention_months").notNull().default(24),
  // Photo files are removed this many months after closing (the row and its hash stay).
  photoRetentionMonths: integer("photo_retention_months").notNull().default(24),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One row per municipality per retention run: what the nightly job anonymised or removed. */
export const retentionRuns = pgTable(
  "retention_runs",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    ranAt: timestamp("ran_at", { withTimezone: true }).notNull(),
    contactsAnonymised: integer("contacts_anonymised").notNull(),
    followersRemoved: integer("followers_removed").notNull(),
    photosRemoved: integer("photos_removed").notNull(),
    // Consultation commenters' e-mails removed (same period as reporters' contacts, from the closing).
    consultationEmailsRemoved: integer("consultation_emails_removed").notNull().default(0),
  },
  (t) => [index("retention_runs_municipality_idx").on(t.municipalityId, t.ranAt)],
);

/**
 * Every time a staff member was shown a reporter's contact (ISO 27001 A.8.15 logging): who, whose
 * (the report), when and through which screen. Append-only.
 */
export const contactViews = pgTable(
  "contact_views",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    screen: text("screen").notNull(),
    viewedAt: timestamp("viewed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("contact_views_municipality_idx").on(t.municipalityId, t.viewedAt),
    index("contact_views_user_idx").on(t.userId, t.viewedAt),
    index("contact_views_report_idx").on(t.reportId),
    foreignKey({
      name: "contact_views_report_fk",
      columns: [t.municipalityId, t.reportId],
      foreignColumns: [reports.municipalityId, reports.id],
    }),
  ],
);
