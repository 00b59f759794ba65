import { sql } from "drizzle-orm";
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
import { multiPolygon3857Column, multiPolygonColumn } from "./columns";

/** A municipality served by this installation. */
export const municipalities = pgTable(
  "municipalities",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    name: jsonb("name").$type<LocalizedText>().notNull(),
    boundary: multiPolygonColumn("boundary").notNull(),
    // Where the boundary comes from ("approximate demo outline", an official register extract…).
    boundarySource: text("boundary_source").notNull(),
    // A training copy of a real municipality: staff practise on its demo data; nothing in it is
    // public, notified, forwarded or counted anywhere real (lib/training).
    isTraining: boolean("is_training").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("municipalities_code_key").on(t.code),
    index("municipalities_boundary_gix").using("gist", t.boundary),
  ],
);

export type Municipality = typeof municipalities.$inferSelect;
export type NewMunicipality = typeof municipalities.$inferInsert;

/** Local communities (mesne zajednice): the unit residents and statistics use. */
export const districts = pgTable(
  "districts",
  {
    id: serial("id").primaryKey(),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    code: text("code").notNull(),
    name: jsonb("name").$type<LocalizedText>().notNull(),
    area: multiPolygonColumn("area").notNull(),
    // Derived: the area in Web Mercator for vector tiles.
    area3857: multiPolygon3857Column("area_3857").generatedAlwaysAs(sql`ST_Transform(area, 3857)`),
    population: integer("population"),
  },
  (t) => [
    uniqueIndex("districts_municipality_code_key").on(t.municipalityId, t.code),
    index("districts_area_gix").using("gist", t.area),
    index("districts_area_3857_gix").using("gist", t.area3857),
  ],
);

export type District = typeof districts.$inferSelect;
export type NewDistrict = typeof districts.$inferInsert;
