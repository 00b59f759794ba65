import {
  boolean,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { userRole } from "./enums";
import { organisations } from "./organisations";
import { municipalities } from "./places";

/** Staff and signed-in citizens. */
export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    // bcrypt; null for citizens who sign in by email link only.
    passwordHash: text("password_hash"),
    locale: text("locale").notNull().default("sr-Latn"),
    active: boolean("active").notNull().default(true),
    // Set when an administrator chose the password (new account, reset): the user picks their own at next sign-in.
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    // Bumped by sign-out and by every change of roles or password: sessions carrying an older version are refused.
    sessionVersion: integer("session_version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** A user's role, in an organisation (staff) or municipality-wide (admin, planner, citizen). */
export const memberships = pgTable(
  "memberships",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    organisationId: integer("organisation_id").references(() => organisations.id),
    role: userRole("role").notNull(),
    // The organisation's lead receives its escalations.
    isLead: boolean("is_lead").notNull().default(false),
  },
  (t) => [
    unique("memberships_user_municipality_org_role_key")
      .on(t.userId, t.municipalityId, t.organisationId, t.role)
      .nullsNotDistinct(),
    index("memberships_organisation_idx").on(t.organisationId),
  ],
);

export type Membership = typeof memberships.$inferSelect;

/**
 * One-time sign-in links for citizens ("send me a link"): only the SHA-256 of the token is kept, a
 * link works once and for a short time, and the e-mail carrying it goes through the outbox.
 */
export const signInLinks = pgTable(
  "sign_in_links",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull(),
    locale: text("locale").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("sign_in_links_token_hash_key").on(t.tokenHash),
    index("sign_in_links_email_idx").on(t.email),
  ],
);
