import "server-only";
import type { DbHandle } from "../../db/client";
import { getEnv } from "../env";
import type { TileLayer } from "./tile-sql";

export const TILE_VERSIONS_CHANNEL = "tile_layer_versions";

/**
 * The tile layers' versions, per process, from memory: read once, then kept current by the NOTIFY
 * every bump sends (migration 0023), so a cached tile costs no database statement. After the
 * listener reconnects (a failover) the versions are read again, since bumps announced meanwhile
 * were not heard. The embedded engine (one process, a read costs microseconds) and
 * TILE_VERSIONS=query (tests that write and read a tile straight after) read the table each time.
 */
type Versions = { ready: Promise<Map<string, number>> };
type Holder = { __civicTileVersions?: WeakMap<DbHandle, Versions> };
const holder = globalThis as Holder;
const perHandle = (holder.__civicTileVersions ??= new WeakMap());

async function readAll(handle: DbHandle): Promise<Map<string, number>> {
  const rows = await handle.rawQuery<{ layer: string; version: string | number }>(
    "tile_layer_versions_all",
    "select layer, version from tile_layer_versions",
    [],
  );
  return new Map(rows.map((r) => [r.layer, Number(r.version)]));
}

function start(handle: DbHandle): Versions {
  const versions: Versions = {
    ready: (async () => {
      const map = new Map<string, number>();
      // Listening first, then reading: a bump between the two is in the read or in a message.
      await handle.listen(
        TILE_VERSIONS_CHANNEL,
        (payload) => {
          const [layer, version] = payload.split(":");
          const n = Number(version);
          if (layer && Number.isFinite(n) && n > (map.get(layer) ?? 0)) map.set(layer, n);
        },
        {
          onReconnect: () => {
            readAll(handle)
              .then((fresh) => {
                for (const [layer, n] of fresh) if (n > (map.get(layer) ?? 0)) map.set(layer, n);
              })
              .catch((err) => console.error("[tiles] re-reading layer versions failed:", err));
          },
        },
      );
      for (const [layer, n] of await readAll(handle)) if (n > (map.get(layer) ?? 0)) map.set(layer, n);
      return map;
    })(),
  };
  versions.ready.catch(() => perHandle.delete(handle));
  return versions;
}

/** The current version of a tile layer (0 when the layer has no row). */
export async function getLayerVersion(handle: DbHandle, layer: TileLayer): Promise<number> {
  if (handle.engine === "embedded" || getEnv().TILE_VERSIONS === "query") {
    const [row] = await handle.rawQuery<{ version: string | number }>(
      "tile_layer_version",
      "select version from tile_layer_versions where layer = $1",
      [layer],
    );
    return Number(row?.version ?? 0);
  }
  let versions = perHandle.get(handle);
  if (!versions) {
    versions = start(handle);
    perHandle.set(handle, versions);
  }
  return (await versions.ready).get(layer) ?? 0;
}
