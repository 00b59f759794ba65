import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Position } from "geojson";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import { pointSql } from "../geo/sql";

/**
 * What is known about a place when a report is filed there. Each provider adds one kind of
 * context (the district now; permit sites and nearby reports later) without the router changing.
 */
export type SpatialContext = {
  districtId: number | null;
  [key: string]: unknown;
};

export type SpatialContextProvider = {
  name: string;
  lookup: (input: {
    db: Database;
    municipalityId: number;
    position: Position;
  }) => Promise<Record<string, unknown>>;
};

/** The district the point lies in; a point on a shared edge belongs to the district with the lowest code. */
export const districtProvider: SpatialContextProvider = {
  name: "district",
  async lookup({ db, municipalityId, position }) {
    const row = await queryOne<{ id: number }>(
      db,
      sql`select ${districtAtSql({ municipalityId, position })} as id`,
    );
    return { districtId: row?.id ?? null };
  },
};

/** The district id at a point as a scalar subquery (null outside every district). */
export function districtAtSql(input: { municipalityId: number | SQL; position: Position }): SQL {
  return sql`(select id from districts
          where municipality_id = ${input.municipalityId} and ST_Covers(area, ${pointSql(input.position)})
          order by code limit 1)`;
}

const providers: SpatialContextProvider[] = [districtProvider];

export function registerSpatialContextProvider(provider: SpatialContextProvider): void {
  if (!providers.some((p) => p.name === provider.name)) providers.push(provider);
}

/**
 * Every provider's context for the point. `known`: what the caller already read for some providers
 * (by name; a filing reads the district in its one statement), so those are not asked again.
 */
export async function collectSpatialContext(input: {
  db: Database;
  municipalityId: number;
  position: Position;
  known?: Record<string, Record<string, unknown>>;
}): Promise<SpatialContext> {
  const parts = await Promise.all(
    providers.map((p) => (input.known?.[p.name] ? Promise.resolve(input.known[p.name]!) : p.lookup(input))),
  );
  return Object.assign({ districtId: null }, ...parts) as SpatialContext;
}
