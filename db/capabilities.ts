import "server-only";
import { sql } from "drizzle-orm";
import type { DbHandle, Engine } from "./client";
import { queryOne } from "./query";

/**
 * What the connected engine can do. Code that needs an optional feature asks here instead of
 * branching on the engine's name: the embedded PostGIS is built without protobuf (no ST_AsMVT),
 * a server may have it or not.
 */
export type Capabilities = {
  engine: Engine;
  postgresVersion: string;
  postgisVersion: string;
  supportsMvt: boolean;
};

const probed = new WeakMap<DbHandle, Promise<Capabilities>>();

export function getCapabilities(handle: DbHandle): Promise<Capabilities> {
  let pending = probed.get(handle);
  if (!pending) {
    pending = probe(handle);
    probed.set(handle, pending);
  }
  return pending;
}

async function probe(handle: DbHandle): Promise<Capabilities> {
  const versions = await queryOne<{ postgres: string; postgis: string }>(
    handle.db,
    sql`select current_setting('server_version') as postgres, postgis_lib_version() as postgis`,
  );
  let supportsMvt = false;
  try {
    const mvt = await queryOne<{ bytes: number }>(
      handle.db,
      sql`select length(ST_AsMVT(q, 'probe')) as bytes from (
            select ST_AsMVTGeom(ST_MakePoint(0.5, 0.5), ST_MakeEnvelope(0, 0, 1, 1)) as geom
          ) q`,
    );
    supportsMvt = Number(mvt?.bytes ?? 0) > 0;
  } catch {
    supportsMvt = false;
  }
  return {
    engine: handle.engine,
    postgresVersion: versions?.postgres ?? "unknown",
    postgisVersion: versions?.postgis ?? "unknown",
    supportsMvt,
  };
}
