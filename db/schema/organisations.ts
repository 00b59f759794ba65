import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { LocalizedText } from "../../lib/i18n/config";
import { multiPolygonColumn } from "./columns";
import { organisationKind } from "./enums";
import { municipalities } from "./places";

/**
 * Everyone who handles reports: the contact centre, departments, inspectorates, utility companies.
 * `sector` narrows a kind (the water utility and the lighting utility are both utility companies).
 */
export const organisations = pgTable(
  "organisations",
  {
    id: serial("id").primaryKey(),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    code: text("code").notNull(),
    kind: organisationKind("kind").notNull(),
    sector: text("sector"),
    name: jsonb("name").$type<LocalizedText>().notNull(),
    // Contact for notifications and the public "who handles it".
    email: text("email"),
    phone: text("phone"),
    // Null: the whole municipality.
    serviceArea: multiPolygonColumn("service_area"),
    active: boolean("active").notNull().default(true),
    // Its staff may moderate public content (lib/moderation/can-moderate.ts), on top of the desk and admins.
    canModerate: boolean("can_moderate").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("organisations_municipality_code_key").on(t.municipalityId, t.code),
    index("organisations_service_area_gix").using("gist", t.serviceArea),
  ],
);

export type Organisation = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;
