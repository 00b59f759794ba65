import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne, queryRows } from "../../db/query";

export type DistrictMapShape = { code: string; path: string; labelX: number; labelY: number };
export type DistrictMapDrawing = { viewBox: string; shapes: DistrictMapShape[] };

/**
 * The municipality's districts as SVG paths in Web Mercator (ST_AsSVG, y pointing down), for a
 * static map snapshot that prints without WebGL or basemap tiles.
 */
export async function drawDistrictMap(input: {
  db: Database;
  municipalityId: number;
}): Promise<DistrictMapDrawing> {
  const box = await queryOne<{ xmin: number; ymin: number; xmax: number; ymax: number }>(
    input.db,
    sql`select ST_XMin(e) as xmin, ST_YMin(e) as ymin, ST_XMax(e) as xmax, ST_YMax(e) as ymax
        from (select ST_Extent(ST_Transform(area, 3857))::geometry as e from districts where municipality_id = ${input.municipalityId}) x`,
  );
  const shapes = await queryRows<{ code: string; path: string; label_x: number; label_y: number }>(
    input.db,
    sql`select code, ST_AsSVG(ST_SimplifyPreserveTopology(ST_Transform(area, 3857), 20), 0, 0) as path,
               ST_X(ST_PointOnSurface(ST_Transform(area, 3857))) as label_x, -ST_Y(ST_PointOnSurface(ST_Transform(area, 3857))) as label_y
        from districts where municipality_id = ${input.municipalityId} order by code`,
  );
  if (!box || box.xmin === null) return { viewBox: "0 0 1 1", shapes: [] };
  const pad = (box.xmax - box.xmin) * 0.02;
  return {
    viewBox: `${box.xmin - pad} ${-box.ymax - pad} ${box.xmax - box.xmin + 2 * pad} ${box.ymax - box.ymin + 2 * pad}`,
    shapes: shapes.map((s) => ({ code: s.code, path: s.path, labelX: s.label_x, labelY: s.label_y })),
  };
}
