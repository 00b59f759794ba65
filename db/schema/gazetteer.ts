import { index, integer, jsonb, pgEnum, pgTable, serial, text } from "drizzle-orm/pg-core";
import type { LocalizedText } from "../../lib/i18n/config";
import { anyGeometryColumn } from "./columns";
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
