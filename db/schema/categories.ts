import { boolean, integer, jsonb, pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import type { LocalizedText } from "../../lib/i18n/config";
import type { CategoryQuestion } from "../../lib/reports/questions";
import { organisationKind, reportPriority } from "./enums";
import { municipalities } from "./places";

/** Groups categories for the citizen's picker ("Roads", "Waste", "Water"…). */
export const categoryGroups = pgTable(
  "category_groups",
  {
    id: serial("id").primaryKey(),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    code: text("code").notNull(),
    name: jsonb("name").$type<LocalizedText>().notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [uniqueIndex("category_groups_municipality_code_key").on(t.municipalityId, t.code)],
);

export type CategoryGroup = typeof categoryGroups.$inferSelect;

/** Open311-style services a municipality offers, each with its promised handling time. */
export const serviceCategories = pgTable(
  "service_categories",
  {
    id: serial("id").primaryKey(),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    groupId: integer("group_id")
      .notNull()
      .references(() => categoryGroups.id),
    // Open311 GeoReport v2 service_code.
    serviceCode: text("service_code").notNull(),
    name: jsonb("name").$type<LocalizedText>().notNull(),
    description: jsonb("description").$type<LocalizedText>().notNull(),
    // Routing: who is responsible, narrowed by sector when several organisations share a kind.
    responsibleKind: organisationKind("responsible_kind").notNull(),
    responsibleSector: text("responsible_sector"),
    // Service standard: promised handling time in working days (Serbian calendar).
    slaWorkingDays: integer("sla_working_days").notNull(),
    // Whether the SLA clock stops while action is scheduled for a date.
    pauseSlaWhenScheduled: boolean("pause_sla_when_scheduled").notNull().default(false),
    duplicateRadiusMetres: integer("duplicate_radius_metres").notNull().default(50),
    // Extra questions asked when this category is chosen (lib/reports/questions.ts).
    questions: jsonb("questions").$type<CategoryQuestion[]>().notNull().default([]),
    // Open data: reports of categories that point at private homes are published on a grid of this size.
    locationPrecisionMetres: integer("location_precision_metres"),
    // Works-without-a-permit categories (illegal construction, unpermitted digging): the staff view
    // shows whether an active permit covers the point.
    checksPermitCoverage: boolean("checks_permit_coverage").notNull().default(false),
    // The rule for such a category: a report that no active permit covers is raised to this priority.
    unpermittedPriority: reportPriority("unpermitted_priority"),
    // Non-public categories (e.g. reports about a person) never show on the public map.
    isPublic: boolean("is_public").notNull().default(true),
    active: boolean("active").notNull().default(true),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [uniqueIndex("service_categories_municipality_code_key").on(t.municipalityId, t.serviceCode)],
);

export type ServiceCategory = typeof serviceCategories.$inferSelect;
export type NewServiceCategory = typeof serviceCategories.$inferInsert;
