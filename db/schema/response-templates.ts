import { boolean, index, integer, jsonb, pgTable, timestamp } from "drizzle-orm/pg-core";
import type { LocalizedText } from "../../lib/i18n/config";
import { serviceCategories } from "./categories";
import { reportStatus } from "./enums";
import { municipalities } from "./places";

/**
 * Staff response templates (FixMyStreet's response templates): a public message in three
 * languages, for one category or all (null), that may also set the status it goes with (null: any
 * status change). Staff pick one in the action form and edit the text before sending.
 */
export const responseTemplates = pgTable(
  "response_templates",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    categoryId: integer("category_id").references(() => serviceCategories.id),
    setsStatus: reportStatus("sets_status"),
    title: jsonb("title").$type<LocalizedText>().notNull(),
    body: jsonb("body").$type<LocalizedText>().notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("response_templates_municipality_idx").on(t.municipalityId, t.categoryId)],
);

export type ResponseTemplate = typeof responseTemplates.$inferSelect;
