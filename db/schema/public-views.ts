import { boolean, date, integer, jsonb, pgView, text, timestamp } from "drizzle-orm/pg-core";
import {
  point3857Column,
  pointColumn,
  shapeColumn,
  multiPolygonColumn,
  multiPolygon3857Column,
} from "./columns";
import {
  permitKind,
  permitStatus,
  reportChannel,
  reportEventKind,
  reportPriority,
  reportStatus,
} from "./enums";
import { consultationStatus } from "./consultations";

/**
 * The public projections (migration 0019): what anyone may see of reports and permits, the only
 * report and permit data the public role can read. Declared here so public reads are typed: a
 * renamed column fails the typecheck, not a request. The views are written in SQL by the migration
 * (`.existing()`: drizzle-kit leaves them alone).
 */
export const publicReports = pgView("public_reports", {
  id: integer("id").notNull(),
  trackingCode: text("tracking_code").notNull(),
  municipalityId: integer("municipality_id").notNull(),
  categoryId: integer("category_id").notNull(),
  // The category's public code (Open311 service_code), so maps need no second join.
  serviceCode: text("service_code").notNull(),
  districtId: integer("district_id"),
  // The pin as precisely as the category allows (a grid cell's centre for precision categories).
  location: pointColumn("location").notNull(),
  location3857: point3857Column("location_3857").notNull(),
  shape: shapeColumn("shape"),
  // The street only for precision categories.
  address: text("address"),
  precisionMetres: integer("precision_metres"),
  description: text("description").notNull(),
  mediaUrl: text("media_url"),
  answers: jsonb("answers").$type<Record<string, string | number | string[]>>().notNull(),
  status: reportStatus("status").notNull(),
  priority: reportPriority("priority").notNull(),
  channel: reportChannel("channel").notNull(),
  assignedOrganisationId: integer("assigned_organisation_id"),
  dueAt: timestamp("due_at", { withTimezone: true }),
  scheduledFor: date("scheduled_for"),
  slaPausedAt: timestamp("sla_paused_at", { withTimezone: true }),
  rejectionTarget: text("rejection_target"),
  duplicateOfCode: text("duplicate_of_code"),
  supportersCount: integer("supporters_count").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  closedAt: timestamp("closed_at", { withTimezone: true }),
  shape3857: text("shape_3857"),
  // A moderator redacted the description or the address (the text above is the redacted one).
  moderated: boolean("moderated").notNull(),
}).existing();

export const publicReportEvents = pgView("public_report_events", {
  id: integer("id").notNull(),
  reportId: integer("report_id").notNull(),
  kind: reportEventKind("kind").notNull(),
  toStatus: reportStatus("to_status"),
  toOrganisationId: integer("to_organisation_id"),
  publicText: text("public_text"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
}).existing();

export const publicAttachments = pgView("public_attachments", {
  id: integer("id").notNull(),
  reportId: integer("report_id").notNull(),
  // Where the file lives in storage (served by /api/attachments/{id}).
  storageKey: text("storage_key").notNull(),
  contentType: text("content_type").notNull(),
  width: integer("width"),
  height: integer("height"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
}).existing();

export const publicPermits = pgView("public_permits", {
  id: integer("id").notNull(),
  municipalityId: integer("municipality_id").notNull(),
  reference: text("reference").notNull(),
  kind: permitKind("kind").notNull(),
  status: permitStatus("status").notNull(),
  issuingOrganisationId: integer("issuing_organisation_id"),
  // A company's name; null for a private holder (personal data).
  holder: text("holder"),
  contractor: text("contractor"),
  works: text("works").notNull(),
  conditions: text("conditions"),
  site: multiPolygonColumn("site").notNull(),
  site3857: multiPolygon3857Column("site_3857").notNull(),
  validFrom: date("valid_from").notNull(),
  validTo: date("valid_to").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
}).existing();

export const publicReportPermits = pgView("public_report_permits", {
  reportId: integer("report_id").notNull(),
  permitId: integer("permit_id").notNull(),
}).existing();

/** Published citizens' comments on public reports (migration 0027); a hidden one has no body. */
export const publicReportComments = pgView("public_report_comments", {
  id: integer("id").notNull(),
  reportId: integer("report_id").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  fixed: boolean("fixed"),
  hidden: boolean("hidden").notNull(),
  body: text("body"),
  // Hidden, or contacts masked by the automatic screen.
  moderated: boolean("moderated").notNull(),
  fromReporter: boolean("from_reporter").notNull(),
  photoIds: integer("photo_ids").array().notNull(),
}).existing();

/** Consultations the public sees (not drafts); `isOpen` is the one rule for taking comments. */
export const publicConsultations = pgView("public_consultations", {
  id: integer("id").notNull(),
  municipalityId: integer("municipality_id").notNull(),
  permitId: integer("permit_id"),
  title: text("title").notNull(),
  question: text("question").notNull(),
  description: text("description"),
  site: multiPolygonColumn("site"),
  status: consultationStatus("status").notNull(),
  opensOn: date("opens_on"),
  closesOn: date("closes_on"),
  openedAt: timestamp("opened_at", { withTimezone: true }),
  closedAt: timestamp("closed_at", { withTimezone: true }),
  isOpen: boolean("is_open").notNull(),
}).existing();

/** Published comments of public consultations with the office's answers; a hidden one has no body. */
export const publicConsultationComments = pgView("public_consultation_comments", {
  id: integer("id").notNull(),
  consultationId: integer("consultation_id").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  hidden: boolean("hidden").notNull(),
  body: text("body"),
  moderated: boolean("moderated").notNull(),
  answer: text("answer"),
  answeredAt: timestamp("answered_at", { withTimezone: true }),
  theme: text("theme"),
}).existing();
