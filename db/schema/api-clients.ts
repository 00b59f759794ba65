import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./users";

/** Applications allowed to file reports through Open311; only a hash of each key is stored. */
export const apiClients = pgTable(
  "api_clients",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    // sha256 of the key, hex.
    keyHash: text("key_hash").notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("api_clients_key_hash_key").on(t.keyHash)],
);

export type ApiClient = typeof apiClients.$inferSelect;

/**
 * A developer's request for an Open311 key, decided by an administrator. Statuses: `pending`,
 * `approved` (the key went out by e-mail; `apiClientId` is the client it opened), `refused`.
 */
export const open311KeyRequests = pgTable(
  "open311_key_requests",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    // Who asks and for what application; the e-mail receives the key.
    name: text("name").notNull(),
    email: text("email").notNull(),
    application: text("application").notNull(),
    purpose: text("purpose").notNull(),
    locale: text("locale").notNull(),
    // The decision.
    status: text("status").$type<"pending" | "approved" | "refused">().notNull().default("pending"),
    apiClientId: integer("api_client_id").references(() => apiClients.id, { onDelete: "set null" }),
    decidedBy: integer("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("open311_key_requests_pending_key")
      .on(sql`lower(${t.email})`, sql`lower(${t.application})`)
      .where(sql`status = 'pending'`),
    index("open311_key_requests_status_idx").on(t.status, t.createdAt),
  ],
);

export type Open311KeyRequest = typeof open311KeyRequests.$inferSelect;
