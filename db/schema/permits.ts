import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  real,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { multiPolygon3857Column, multiPolygonColumn } from "./columns";
import { permitChannel, permitEventKind, permitKind, permitStatus } from "./enums";
import { organisations } from "./organisations";
import { municipalities } from "./places";
import { reports } from "./reports";
import { users } from "./users";

/** Construction, excavation, street-occupancy and event sites, as polygons with a validity period. */
export const permits = pgTable(
  "permits",
  {
    id: serial("id").primaryKey(),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    // Registry number as issued ("350-12/2026-IV").
    reference: text("reference").notNull(),
    kind: permitKind("kind").notNull(),
    status: permitStatus("status").notNull().default("applied"),
    issuingOrganisationId: integer("issuing_organisation_id").references(() => organisations.id),
    // Holder: a private person's name is personal data and never published; a company's is.
    holderName: text("holder_name").notNull(),
    holderIsCompany: boolean("holder_is_company").notNull().default(true),
    contractor: text("contractor"),
    // Where the contractor hears about reports at its site (a company address, never published).
    contractorEmail: text("contractor_email"),
    worksDescription: text("works_description").notNull(),
    // Conditions the permit is granted under (working hours, traffic signs, restoring the surface).
    conditions: text("conditions"),
    site: multiPolygonColumn("site").notNull(),
    // Derived: the site in Web Mercator for vector tiles.
    site3857: multiPolygon3857Column("site_3857").generatedAlwaysAs(sql`ST_Transform(site, 3857)`),
    // Inclusive dates.
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to").notNull(),
    // One-stop shop: how the application came in, and the legal deadline for the decision.
    channel: permitChannel("channel").notNull().default("office"),
    decisionDueAt: timestamp("decision_due_at", { withTimezone: true }),
    // Client-generated key of an online application: a retry returns the first one.
    submissionKey: text("submission_key"),
    // What the applicant follows the application with, besides its number (migration 0037).
    trackingKey: text("tracking_key")
      .notNull()
      .default(sql`upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 12))`),
    // Optimistic locking: every change bumps it; a write with a stale version is refused.
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("permits_municipality_reference_key").on(t.municipalityId, t.reference),
    uniqueIndex("permits_submission_key_key").on(t.submissionKey),
    index("permits_site_gix").using("gist", t.site),
    index("permits_site_3857_gix").using("gist", t.site3857),
    // Distances in metres (reports within 10 m of a site) go through geography; this index serves them.
    index("permits_site_geog_gix").using("gist", sql`(${t.site}::geography)`),
    index("permits_municipality_status_idx").on(t.municipalityId, t.status),
  ],
);

export type Permit = typeof permits.$inferSelect;
export type NewPermit = typeof permits.$inferInsert;

/** The applicant's contact: personal data, kept apart so no public query can select it by accident. */
export const permitApplicants = pgTable("permit_applicants", {
  permitId: integer("permit_id")
    .primaryKey()
    .references(() => permits.id),
  name: text("name").notNull(),
  email: text("email"),
  phone: text("phone"),
  address: text("address"),
  locale: text("locale").notNull().default("sr-Latn"),
});

export type PermitApplicant = typeof permitApplicants.$inferSelect;

/** A permit's history: one row per thing that happened to it. Rows are never updated or deleted. */
export const permitEvents = pgTable(
  "permit_events",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    permitId: integer("permit_id")
      .notNull()
      .references(() => permits.id),
    kind: permitEventKind("kind").notNull(),
    // Who: a staff user, or nobody (the applicant online, the system).
    actorUserId: integer("actor_user_id").references(() => users.id),
    fromStatus: permitStatus("from_status"),
    toStatus: permitStatus("to_status"),
    // The report linked to the permit (report_linked).
    reportId: integer("report_id").references(() => reports.id),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // Tamper-evident registry, as for report_events (set by a trigger on insert).
    prevHash: text("prev_hash"),
    hash: text("hash"),
  },
  (t) => [index("permit_events_permit_idx").on(t.permitId, t.createdAt)],
);

export type PermitEvent = typeof permitEvents.$inferSelect;

/** Documents of a permit (application, site plan, decision). The file lives in storage under `storage_key`. */
export const permitDocuments = pgTable(
  "permit_documents",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    permitId: integer("permit_id")
      .notNull()
      .references(() => permits.id),
    eventId: integer("event_id").references(() => permitEvents.id),
    fileName: text("file_name").notNull(),
    storageKey: text("storage_key").notNull(),
    contentType: text("content_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    sha256: text("sha256").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("permit_documents_permit_idx").on(t.permitId),
    uniqueIndex("permit_documents_storage_key_key").on(t.storageKey),
  ],
);

export type PermitDocument = typeof permitDocuments.$inferSelect;

/** Reports filed inside, or within 10 m of, an active excavation or construction site. */
export const reportPermits = pgTable(
  "report_permits",
  {
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id),
    // Copied from the report (the permit is in the same municipality): distributable by municipality (Citus).
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    permitId: integer("permit_id")
      .notNull()
      .references(() => permits.id),
    distanceMetres: real("distance_metres").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.permitId] }),
    index("report_permits_permit_idx").on(t.permitId),
    foreignKey({
      name: "report_permits_report_fk",
      columns: [t.municipalityId, t.reportId],
      foreignColumns: [reports.municipalityId, reports.id],
    }),
  ],
);

export type ReportPermit = typeof reportPermits.$inferSelect;
