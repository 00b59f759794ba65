import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { multiPolygon3857Column, multiPolygonColumn } from "./columns";
import { permitKind, permitStatus } from "./enums";
import { organisations } from "./organisations";
import { municipalities } from "./places";

/** Construction, excavation, street-occupancy and event sites, as polygons with a validity period. */
export const permits = pgTable(
  "permits",
  {
    id: serial("id").primaryKey(),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    // Registry number as issued ("350-12/2026-IV").
    reference: text("reference").notNull(),
    kind: permitKind("kind").notNull(),
    status: permitStatus("status").notNull().default("applied"),
    issuingOrganisationId: integer("issuing_organisation_id").references(() => organisations.id),
    // Holder: a private person's name is personal data and never published; a company's is.
    holderName: text("holder_name").notNull(),
    holderIsCompany: boolean("holder_is_company").notNull().default(true),
    contractor: text("contractor"),
    worksDescription: text("works_description").notNull(),
    site: multiPolygonColumn("site").notNull(),
    // Derived: the site in Web Mercator for vector tiles.
    site3857: multiPolygon3857Column("site_3857").generatedAlwaysAs(sql`ST_Transform(site, 3857)`),
    // Inclusive dates.
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("permits_municipality_reference_key").on(t.municipalityId, t.reference),
    index("permits_site_gix").using("gist", t.site),
    index("permits_site_3857_gix").using("gist", t.site3857),
  ],
);

export type Permit = typeof permits.$inferSelect;
export type NewPermit = typeof permits.$inferInsert;
