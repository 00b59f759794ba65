import { index, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { municipalities } from "./places";
import { users } from "./users";

/**
 * Who changed what in the administration (organisations, service areas, categories, users and
 * roles, calendar, Open311 systems): one row per change with the record before and after.
 * Secrets (password hashes, API keys) are never written here.
 */
export const adminAudit = pgTable(
  "admin_audit",
  {
    id: serial("id").primaryKey(),
    municipalityId: integer("municipality_id").references(() => municipalities.id),
    actorUserId: integer("actor_user_id").references(() => users.id),
    // What was changed: "organisation", "service_area", "category", "user", "calendar_override", "open311_endpoint".
    entity: text("entity").notNull(),
    entityId: integer("entity_id").notNull(),
    // "created", "updated", "deleted", "password_reset", …
    action: text("action").notNull(),
    before: jsonb("before").$type<Record<string, unknown> | null>(),
    after: jsonb("after").$type<Record<string, unknown> | null>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("admin_audit_entity_idx").on(t.entity, t.createdAt)],
);

export type AdminAuditRow = typeof adminAudit.$inferSelect;
