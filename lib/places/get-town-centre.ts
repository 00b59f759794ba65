import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";

/**
 * Where a map of a municipality opens at street zoom when the reader's position is not known: the
 * gazetteer's settlement of the municipality's own name (the town), else a point inside its boundary.
 */
export async function getTownCentre(input: {
  db: Database;
  municipalityId: number;
}): Promise<[number, number] | null> {
  const row = await queryOne<{ geometry: string | null }>(
    input.db,
    sql`select ST_AsGeoJSON(coalesce(
          (select ST_PointOnSurface(g.geom) from gazetteer g
            where g.municipality_id = m.id and g.kind = 'place' and g.name ->> 'sr-Latn' = m.name ->> 'sr-Latn'
            order by g.id limit 1),
          ST_PointOnSurface(m.boundary)), 6) as geometry
        from municipalities m where m.id = ${input.municipalityId}`,
  );
  if (!row?.geometry) return null;
  const [lng, lat] = (JSON.parse(row.geometry) as { coordinates: [number, number] }).coordinates;
  return [lng, lat];
}
