import { sql } from "drizzle-orm";
import {
  boolean,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { serviceCategories } from "./categories";
import { organisations } from "./organisations";
import { municipalities } from "./places";
import { reports } from "./reports";

/**
 * An organisation's own Open311 system (a utility's work-order software). Reports assigned to
 * the organisation in a category with a forward rule are posted there, and its status changes
 * come back by polling.
 */
export const open311Endpoints = pgTable(
  "open311_endpoints",
  {
    id: serial("id").primaryKey(),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    // The GeoReport v2 base, e.g. "https://vodovod.example/open311/v2" (no trailing slash).
    baseUrl: text("base_url").notNull(),
    // The key that system issued to us; a secret, only ever sent to that system.
    apiKey: text("api_key").notNull(),
    jurisdictionId: text("jurisdiction_id"),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("open311_endpoints_organisation_base_key").on(t.organisationId, t.baseUrl)],
);

export type Open311Endpoint = typeof open311Endpoints.$inferSelect;

/** Which of our categories go to which external system, under that system's service_code. */
export const open311ForwardRules = pgTable(
  "open311_forward_rules",
  {
    id: serial("id").primaryKey(),
    categoryId: integer("category_id")
      .notNull()
      .references(() => serviceCategories.id),
    endpointId: integer("endpoint_id")
      .notNull()
      .references(() => open311Endpoints.id),
    externalServiceCode: text("external_service_code").notNull(),
  },
  (t) => [uniqueIndex("open311_forward_rules_category_endpoint_key").on(t.categoryId, t.endpointId)],
);

/** queued: waiting in the outbox; accepted: the system gave a token, the id comes later; linked: we know its id. */
export const forwardState = pgEnum("open311_forward_state", ["queued", "accepted", "linked", "failed"]);

/** One report as it lives in an external system: the link, and the last status we read there. */
export const reportForwards = pgTable(
  "report_forwards",
  {
    id: serial("id").primaryKey(),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id),
    // Copied from the report: every report-side table can be distributed by municipality (Citus).
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    endpointId: integer("endpoint_id")
      .notNull()
      .references(() => open311Endpoints.id),
    externalServiceCode: text("external_service_code").notNull(),
    state: forwardState("state").notNull().default("queued"),
    token: text("token"),
    externalRequestId: text("external_request_id"),
    // The external record as last read: Open311 open/closed, its status_notes and updated_datetime.
    externalStatus: text("external_status"),
    externalStatusNotes: text("external_status_notes"),
    externalUpdatedAt: timestamp("external_updated_at", { withTimezone: true }),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    lastPolledAt: timestamp("last_polled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("report_forwards_report_endpoint_key").on(t.reportId, t.endpointId),
    foreignKey({
      name: "report_forwards_report_fk",
      columns: [t.municipalityId, t.reportId],
      foreignColumns: [reports.municipalityId, reports.id],
    }),
    // The poller's work list: forwards the external system still has open.
    index("report_forwards_pollable_idx")
      .on(t.endpointId)
      .where(sql`state in ('accepted', 'linked') and external_status is distinct from 'closed'`),
  ],
);

export type ReportForward = typeof reportForwards.$inferSelect;
