import { index, integer, jsonb, pgEnum, pgTable, serial, text } from "drizzle-orm/pg-core";
import type { Geometry } from "geojson";
import { customType } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import type { LocalizedText } from "../../lib/i18n/config";
import { wkbHexToGeometry } from "../../lib/geo/wkb";
import { municipalities } from "./places";

export const placeKind = pgEnum("place_kind", ["street", "place", "landmark"]);

const anyGeometry = customType<{ data: Geometry; driverData: string }>({
  dataType: () => "geometry(Geometry,4326)",
  toDriver: (value) => sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(value)}), 4326)`,
  fromDriver: (value) => wkbHexToGeometry(value),
});

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
    geom: anyGeometry("geom").notNull(),
  },
  (t) => [index("gazetteer_geom_gix").using("gist", t.geom), index("gazetteer_search_key_idx").on(t.searchKey)],
);

export type GazetteerEntry = typeof gazetteer.$inferSelect;
