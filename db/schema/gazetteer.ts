import { index, integer, jsonb, pgEnum, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import type { LocalizedText } from "../../lib/i18n/config";
import { anyGeometryColumn, pointColumn } from "./columns";
import { municipalities } from "./places";

export const placeKind = pgEnum("place_kind", ["street", "place", "landmark"]);

/**
 * Names people use for places: streets (lines), settlements and landmarks (points). Searched by a
 * folded key, so "cuprija", "Ćuprija" and "Ћуприја" all find the same place.
 */
export const gazetteer = pgTable(
  "gazetteer",
  {
    id: serial("id").primaryKey(),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    kind: placeKind("kind").notNull(),
    name: jsonb("name").$type<LocalizedText>().notNull(),
    // lib/i18n/transliterate.ts foldForSearch() of the Latin name.
    searchKey: text("search_key").notNull(),
    geom: anyGeometryColumn("geom").notNull(),
  },
  (t) => [
    index("gazetteer_geom_gix").using("gist", t.geom),
    index("gazetteer_search_key_idx").on(t.searchKey),
  ],
);

export type GazetteerEntry = typeof gazetteer.$inferSelect;

/**
 * House numbers with their position, where the municipality imports them (admin setup, "address
 * points" layer). The geocoder uses them before interpolating along the street. Street as written
 * in the gazetteer (Latin), matched by its folded key; `number_key` is the number as matched:
 * lower case, no spaces ("10A" and "10 a" → "10a").
 */
export const addressPoints = pgTable(
  "address_points",
  {
    id: serial("id").primaryKey(),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    street: text("street").notNull(),
    // lib/i18n/transliterate.ts foldForSearch() of the street.
    streetKey: text("street_key").notNull(),
    number: text("number").notNull(),
    numberKey: text("number_key").notNull(),
    geom: pointColumn("geom").notNull(),
    // One id per import: the file that brought these points (all replaced by the next import).
    importId: text("import_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("address_points_geom_gix").using("gist", t.geom),
    index("address_points_lookup_idx").on(t.municipalityId, t.streetKey, t.numberKey),
  ],
);

export type AddressPoint = typeof addressPoints.$inferSelect;
