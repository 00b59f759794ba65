import "server-only";
import { sql } from "drizzle-orm";
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
      sql`select id from districts
          where municipality_id = ${municipalityId} and ST_Covers(area, ${pointSql(position)})
          order by code limit 1`,
    );
    return { districtId: row?.id ?? null };
  },
};

const providers: SpatialContextProvider[] = [districtProvider];

export function registerSpatialContextProvider(provider: SpatialContextProvider): void {
  if (!providers.some((p) => p.name === provider.name)) providers.push(provider);
}

export async function collectSpatialContext(input: {
  db: Database;
  municipalityId: number;
  position: Position;
}): Promise<SpatialContext> {
  const parts = await Promise.all(providers.map((p) => p.lookup(input)));
  return Object.assign({ districtId: null }, ...parts) as SpatialContext;
}
