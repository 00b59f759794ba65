import { pgEnum } from "drizzle-orm/pg-core";

/** What an organisation is. Routing matches a category's responsible kind against this. */
export const organisationKind = pgEnum("organisation_kind", [
  "contact_centre",
  "department",
  "inspectorate",
  "utility_company",
]);

/**
 * A report's place in the standard procedure (lib/workflow owns the allowed transitions).
 * action_scheduled: work is planned for a date; rejected: not the municipality's responsibility.
 */
export const reportStatus = pgEnum("report_status", [
  "received",
  "triaged",
  "assigned",
  "in_progress",
  "action_scheduled",
  "resolved",
  "closed",
  "rejected",
  "duplicate",
  "reopened",
]);

export const reportPriority = pgEnum("report_priority", ["low", "normal", "high", "urgent"]);

/** How the report reached the municipality; "import": brought in from another system's history (CSV). */
export const reportChannel = pgEnum("report_channel", [
  "web",
  "phone",
  "counter",
  "email",
  "open311",
  "field",
  "import",
]);

/** Kinds of audit-trail entries; the trail is append-only (enforced by a trigger). */
export const reportEventKind = pgEnum("report_event_kind", [
  "created",
  "status_changed",
  "assigned",
  "forwarded",
  "public_update",
  "internal_note",
  "escalated",
  "duplicate_marked",
  "supported",
]);

export const permitKind = pgEnum("permit_kind", ["construction", "excavation", "street_occupancy", "event"]);

/**
 * A permit's procedure (lib/permits/permit-states.ts owns the allowed transitions):
 * applied → under_review → granted | refused; granted → active → completed; granted or active → revoked.
 */
export const permitStatus = pgEnum("permit_status", [
  "applied",
  "under_review",
  "granted",
  "refused",
  "active",
  "completed",
  "revoked",
]);

/** Kinds of entries in a permit's history; the history is append-only (enforced by a trigger). */
export const permitEventKind = pgEnum("permit_event_kind", [
  "applied",
  "registered",
  "status_changed",
  "edited",
  "document_added",
  "report_linked",
]);

/** How a permit application reached the office: online, or at the counter on the applicant's behalf. */
export const permitChannel = pgEnum("permit_channel", ["web", "counter", "office"]);

export const userRole = pgEnum("user_role", [
  "citizen",
  "agent",
  "inspector",
  "utility_operator",
  "permit_officer",
  "planner",
  "org_admin",
  "admin",
]);
