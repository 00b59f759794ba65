import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  foreignKey,
  jsonb,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { serviceCategories } from "./categories";
import { geometry3857Column, point3857Column, pointColumn, shapeColumn } from "./columns";
import { reportChannel, reportEventKind, reportPriority, reportStatus } from "./enums";
import { reportImports } from "./onboarding";
import { organisations } from "./organisations";
import { districts, municipalities } from "./places";
import { users } from "./users";

/**
 * A service request. Public by nature, so it holds nothing personal: the reporter's contact
 * details live in `report_contacts`, which public queries never join.
 */
export const reports = pgTable(
  "reports",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    // Short public reference citizens quote on the phone (unambiguous characters).
    trackingCode: text("tracking_code").notNull(),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    categoryId: integer("category_id")
      .notNull()
      .references(() => serviceCategories.id),
    districtId: integer("district_id").references(() => districts.id),
    // Where: always a point (the pin); optionally the line or area the problem covers.
    location: pointColumn("location").notNull(),
    // Derived: the pin in Web Mercator for vector tiles.
    location3857: point3857Column("location_3857").generatedAlwaysAs(sql`ST_Transform(location, 3857)`),
    shape: shapeColumn("shape"),
    // What the public sees of the pin: the pin itself, or the centre of a grid cell of the category's
    // location precision. Kept by a trigger (migration 0019), read only through the public_reports view.
    publicLocation: pointColumn("public_location"),
    publicLocation3857: point3857Column("public_location_3857").generatedAlwaysAs(
      sql`ST_Transform(public_location, 3857)`,
    ),
    // Derived: the shape in Web Mercator for the vector tiles' shapes layer.
    shape3857: geometry3857Column("shape_3857").generatedAlwaysAs(sql`ST_Transform(shape, 3857)`),
    address: text("address"),
    description: text("description").notNull(),
    // A photo or document the reporting application hosts itself (Open311 media_url).
    mediaUrl: text("media_url"),
    // Answers to the category's extra questions, by question code.
    answers: jsonb("answers").$type<Record<string, string | number | string[]>>().notNull().default({}),
    // Procedure state.
    status: reportStatus("status").notNull().default("received"),
    priority: reportPriority("priority").notNull().default("normal"),
    channel: reportChannel("channel").notNull(),
    assignedOrganisationId: integer("assigned_organisation_id").references(() => organisations.id),
    assignedUserId: integer("assigned_user_id").references(() => users.id),
    // Why routing could not pick an owner (the report then waits in the contact centre's triage queue).
    routingNote: text("routing_note"),
    dueAt: timestamp("due_at", { withTimezone: true }),
    // Set while the status is action_scheduled: the day the work is planned for.
    scheduledFor: date("scheduled_for"),
    // Service-standard clock: paused since (action scheduled, if the category says so); escalated when overdue.
    slaPausedAt: timestamp("sla_paused_at", { withTimezone: true }),
    escalatedAt: timestamp("escalated_at", { withTimezone: true }),
    // "Not our responsibility": the outside body the citizen was referred to.
    rejectionTarget: text("rejection_target"),
    // Client-generated key of the submission: a retried submission returns the first report.
    submissionKey: text("submission_key"),
    // Historical reports brought in from a CSV file: the other system's id (re-importing skips it)
    // and the import job that brought it.
    externalRef: text("external_ref"),
    importId: integer("import_id").references(() => reportImports.id, { onDelete: "set null" }),
    duplicateOfId: integer("duplicate_of_id").references((): AnyPgColumn => reports.id),
    supportersCount: integer("supporters_count").notNull().default(0),
    isPublic: boolean("is_public").notNull().default(true),
    // Moderation (lib/moderation): a hidden report is also not is_public, so every public surface and
    // the map clusters drop it; hidden_at says why it is not public. The public reads
    // coalesce(public_description, description) and coalesce(public_address, address); staff see both.
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    publicDescription: text("public_description"),
    publicAddress: text("public_address"),
    moderatedAt: timestamp("moderated_at", { withTimezone: true }),
    // Optimistic locking: every change bumps it; a write with a stale version is refused.
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("reports_tracking_code_key").on(t.trackingCode),
    uniqueIndex("reports_submission_key_key").on(t.submissionKey),
    uniqueIndex("reports_municipality_external_ref_key").on(t.municipalityId, t.externalRef),
    index("reports_open_due_idx")
      .on(t.dueAt)
      .where(
        sql`status in ('received', 'triaged', 'assigned', 'reopened', 'in_progress', 'action_scheduled')`,
      ),
    // An organisation's open queue. Under row-level security the status test cannot be an index
    // condition (enum equality is not leakproof); here it is the index's predicate instead.
    index("reports_open_assigned_idx")
      .on(t.assignedOrganisationId, t.dueAt)
      .where(
        sql`status in ('received', 'triaged', 'assigned', 'reopened', 'in_progress', 'action_scheduled')`,
      ),
    index("reports_location_gix").using("gist", t.location),
    index("reports_location_3857_gix").using("gist", t.location3857),
    index("reports_public_location_3857_gix").using("gist", t.publicLocation3857),
    index("reports_public_location_geog_gix").using("gist", sql`(${t.publicLocation}::geography)`),
    index("reports_shape_3857_gix")
      .using("gist", t.shape3857)
      .where(sql`shape is not null`),
    index("reports_shape_geog_gix")
      .using("gist", sql`(${t.shape}::geography)`)
      .where(sql`shape is not null`),
    // Distances in metres (duplicate search) go through geography; this index serves them.
    index("reports_location_geog_gix").using("gist", sql`(${t.location}::geography)`),
    index("reports_municipality_status_idx").on(t.municipalityId, t.status),
    index("reports_assigned_organisation_idx").on(t.assignedOrganisationId, t.status),
    index("reports_created_at_idx").on(t.createdAt),
    index("reports_import_idx")
      .on(t.importId)
      .where(sql`import_id is not null`),
    // The target of the report-side tables' (municipality_id, report_id) keys: a child row always
    // sits in its report's municipality, the shape Citus needs to keep a report and its rows together.
    unique("reports_municipality_id_id_key").on(t.municipalityId, t.id),
  ],
);

export type Report = typeof reports.$inferSelect;
export type NewReport = typeof reports.$inferInsert;

/** Who reported, kept apart from the report so no public query can select it by accident. */
export const reportContacts = pgTable(
  "report_contacts",
  {
    reportId: integer("report_id")
      .primaryKey()
      .references(() => reports.id),
    // Copied from the report: every report-side table can be distributed by municipality (Citus).
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    userId: integer("user_id").references(() => users.id),
    name: text("name"),
    email: text("email"),
    phone: text("phone"),
    // The reporter asked that even staff outside the handling organisation not see their name.
    anonymous: boolean("anonymous").notNull().default(false),
    locale: text("locale").notNull().default("sr-Latn"),
    // Set when retention anonymised the contact (lib/privacy/run-retention.ts).
    anonymisedAt: timestamp("anonymised_at", { withTimezone: true }),
  },
  (t) => [
    index("report_contacts_email_idx").on(t.email),
    index("report_contacts_phone_idx").on(t.phone),
    // A signed-in citizen's "My reports".
    index("report_contacts_user_idx").on(t.userId),
    // The intake console finds a caller by email within its municipalities (lib/reports/find-caller-history.ts).
    index("report_contacts_municipality_email_idx").on(t.municipalityId, sql`lower(${t.email})`),
    foreignKey({
      name: "report_contacts_report_fk",
      columns: [t.municipalityId, t.reportId],
      foreignColumns: [reports.municipalityId, reports.id],
    }),
  ],
);

export type ReportContact = typeof reportContacts.$inferSelect;

/** The audit trail: one row per thing that happened to a report. Rows are never updated or deleted. */
export const reportEvents = pgTable(
  "report_events",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id),
    // Copied from the report: every report-side table can be distributed by municipality (Citus).
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    kind: reportEventKind("kind").notNull(),
    // Who: a staff user, an organisation (routing, escalation), or nobody (the system, a citizen).
    actorUserId: integer("actor_user_id").references(() => users.id),
    actorOrganisationId: integer("actor_organisation_id").references(() => organisations.id),
    fromStatus: reportStatus("from_status"),
    toStatus: reportStatus("to_status"),
    fromOrganisationId: integer("from_organisation_id").references(() => organisations.id),
    toOrganisationId: integer("to_organisation_id").references(() => organisations.id),
    // Shown on the public report page.
    publicText: text("public_text"),
    // Staff only.
    internalNote: text("internal_note"),
    // A note the system wrote (escalation…): a message key under staff.systemNote, shown in the reader's language.
    noteKey: text("note_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // Tamper-evident registry: set by a trigger on insert (migration 0021, lib/registry): the hash of
    // the report's previous event and SHA-256 of this event's canonical form including it.
    prevHash: text("prev_hash"),
    hash: text("hash"),
  },
  (t) => [
    index("report_events_report_idx").on(t.reportId, t.createdAt),
    foreignKey({
      name: "report_events_report_fk",
      columns: [t.municipalityId, t.reportId],
      foreignColumns: [reports.municipalityId, reports.id],
    }),
  ],
);

export type ReportEvent = typeof reportEvents.$inferSelect;
export type NewReportEvent = typeof reportEvents.$inferInsert;

/** Photos and documents attached to a report. The file lives in storage under `storage_key`. */
export const attachments = pgTable(
  "attachments",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id),
    // Copied from the report: every report-side table can be distributed by municipality (Citus).
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    eventId: integer("event_id").references(() => reportEvents.id),
    // A citizen's comment the photo came with (report_comments; not referenced here to avoid an import cycle).
    commentId: integer("comment_id"),
    storageKey: text("storage_key").notNull(),
    contentType: text("content_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    width: integer("width"),
    height: integer("height"),
    sha256: text("sha256").notNull(),
    isPublic: boolean("is_public").notNull().default(true),
    // Hidden by a moderator (is_public is then false too); the file stays for staff and audit.
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    // Retention removed the file (lib/privacy/run-retention.ts); the row and its hash stay.
    fileRemovedAt: timestamp("file_removed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("attachments_report_idx").on(t.reportId),
    index("attachments_comment_idx")
      .on(t.commentId)
      .where(sql`comment_id IS NOT NULL`),
    uniqueIndex("attachments_storage_key_key").on(t.storageKey),
    foreignKey({
      name: "attachments_report_fk",
      columns: [t.municipalityId, t.reportId],
      foreignColumns: [reports.municipalityId, reports.id],
    }),
  ],
);

export type Attachment = typeof attachments.$inferSelect;

/** People who follow a report (its reporter, supporters, anyone who pressed "follow"). */
export const reportFollowers = pgTable(
  "report_followers",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id),
    // Copied from the report: every report-side table can be distributed by municipality (Citus).
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    email: text("email").notNull(),
    userId: integer("user_id").references(() => users.id),
    locale: text("locale").notNull().default("sr-Latn"),
    // Pressed "I have this problem too" (counted in supporters_count), not only "follow".
    supported: boolean("supported").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("report_followers_report_email_key").on(t.reportId, t.email),
    index("report_followers_user_idx").on(t.userId),
    foreignKey({
      name: "report_followers_report_fk",
      columns: [t.municipalityId, t.reportId],
      foreignColumns: [reports.municipalityId, reports.id],
    }),
  ],
);

export type ReportFollower = typeof reportFollowers.$inferSelect;

/**
 * One row per staff action sent with an idempotency key: a field crew's phone replaying its offline
 * queue, or any retry after a lost answer, finds the receipt and the action is not applied twice.
 * Written in the action's own transaction, so a receipt exists exactly when the action does.
 */
export const staffActionReceipts = pgTable(
  "staff_action_receipts",
  {
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    key: text("key").notNull(),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    // The report's version once the action was applied.
    version: integer("version").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.key] }),
    index("staff_action_receipts_report_idx").on(t.reportId),
    foreignKey({
      name: "staff_action_receipts_report_fk",
      columns: [t.municipalityId, t.reportId],
      foreignColumns: [reports.municipalityId, reports.id],
    }),
  ],
);
