import { index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { municipalities } from "./places";
import { users } from "./users";

/**
 * A municipality being set up in the onboarding wizard. Each step's answers are saved as they are
 * given, so an admin can leave and come back; finishing creates everything in one transaction and
 * records the municipality it created.
 */
export const onboardingDrafts = pgTable(
  "onboarding_drafts",
  {
    id: serial("id").primaryKey(),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    // The wizard's answers by step (lib/onboarding/draft-schema.ts).
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    municipalityId: integer("municipality_id").references(() => municipalities.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("onboarding_drafts_created_by_idx").on(t.createdBy)],
);

export type OnboardingDraft = typeof onboardingDrafts.$inferSelect;

/** A staff member invited by the wizard: one-time link to choose a password (the token is stored hashed). */
export const staffInvitations = pgTable(
  "staff_invitations",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("staff_invitations_token_hash_key").on(t.tokenHash)],
);

export type StaffInvitation = typeof staffInvitations.$inferSelect;

/**
 * A CSV import of historical reports. The file is kept with the job so an interrupted import can
 * be resumed: rows before `next_row` are committed (each batch and the cursor move in one
 * transaction), rows from it on are not.
 */
export const reportImports = pgTable(
  "report_imports",
  {
    id: serial("id").primaryKey(),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    createdBy: integer("created_by").references(() => users.id),
    fileName: text("file_name").notNull(),
    csv: text("csv").notNull(),
    // Which CSV column feeds which field (lib/import/import-schema.ts).
    mapping: jsonb("mapping").$type<Record<string, unknown>>().notNull(),
    // pending → running → completed; failed when a batch could not be written (resumable).
    status: text("status").notNull().default("pending"),
    totalRows: integer("total_rows").notNull(),
    nextRow: integer("next_row").notNull().default(0),
    importedCount: integer("imported_count").notNull().default(0),
    skippedCount: integer("skipped_count").notNull().default(0),
    failedCount: integer("failed_count").notNull().default(0),
    // Rows that could not be imported: row number, the reason (message key and values) and the row as read.
    errors: jsonb("errors").$type<Array<Record<string, unknown>>>().notNull().default([]),
    lastError: text("last_error"),
    // While running, the runner renews the lease after every batch; a running job whose lease has
    // run out lost its process and is resumed (or failed after MAX_IMPORT_RESUMES) by the worker.
    leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true }),
    resumeCount: integer("resume_count").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("report_imports_municipality_idx").on(t.municipalityId)],
);

export type ReportImport = typeof reportImports.$inferSelect;
