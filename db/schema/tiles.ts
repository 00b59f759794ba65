import { sql } from "drizzle-orm";
import {
  doublePrecision,
  index,
  integer,
  primaryKey,
  bigint,
  pgTable,
  smallint,
  text,
} from "drizzle-orm/pg-core";
import { municipalities } from "./places";

/**
 * Public reports counted on grids of Web Mercator cells, one grid per zoom band, kept up to date
 * by a trigger on `reports` (migration "report_clusters"): low-zoom tiles read these counts
 * instead of the points. `band` is the zoom whose tile is 16 cells wide.
 */
export const reportClusters = pgTable(
  "report_clusters",
  {
    band: smallint("band").notNull(),
    cellX: integer("cell_x").notNull(),
    cellY: integer("cell_y").notNull(),
    // Counted per municipality (a cell on a border has a row for each side), so the counts can be
    // distributed with the reports (Citus); tiles add them up.
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    // A category, or 0: every public category together (what an unfiltered map reads, a few rows
    // per cell instead of one per category).
    categoryId: integer("category_id").notNull(),
    // open | in_progress | resolved | closed (lib/workflow/states.ts statusGroupOf).
    statusGroup: text("status_group").notNull(),
    reports: integer("reports").notNull(),
    // Sums of the members' 3857 coordinates: the cluster is drawn at their mean.
    sumX: doublePrecision("sum_x").notNull(),
    sumY: doublePrecision("sum_y").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.band, t.cellX, t.cellY, t.municipalityId, t.categoryId, t.statusGroup] }),
    index("report_clusters_all_categories_idx")
      .on(t.band, t.cellX, t.cellY)
      .where(sql`category_id = 0`),
  ],
);

/** A number per tile layer, raised by every write to its table: part of each tile's ETag and cache key. */
export const tileLayerVersions = pgTable("tile_layer_versions", {
  layer: text("layer").primaryKey(),
  version: bigint("version", { mode: "number" }).notNull().default(1),
});

/**
 * Changes to the counts, appended by the trigger and folded into `report_clusters` by the worker
 * (lib/tiles/fold-cluster-deltas.ts). Appending never waits on another writer; tiles read the
 * counts plus the changes not yet folded, so they are current either way.
 */
export const reportClusterDeltas = pgTable("report_cluster_deltas", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  band: smallint("band").notNull(),
  cellX: integer("cell_x").notNull(),
  cellY: integer("cell_y").notNull(),
  municipalityId: integer("municipality_id").notNull(),
  categoryId: integer("category_id").notNull(),
  statusGroup: text("status_group").notNull(),
  reports: integer("reports").notNull(),
  sumX: doublePrecision("sum_x").notNull(),
  sumY: doublePrecision("sum_y").notNull(),
});
