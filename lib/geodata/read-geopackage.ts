import type { Geometry } from "geojson";
import initSqlJs, { type Database as SqliteDatabase, type SqlJsStatic } from "sql.js";
import { wkbToGeometry } from "../geo/wkb";
import { crsOfGeoPackage } from "./crs";
import { GeodataError } from "./geodata-error";
import { MAX_FEATURES } from "./limits";
import { plainProperties, type SourceLayer } from "./source-feature";

// sql.js is SQLite compiled to WebAssembly: no native build, the same on every machine.
let sqlJs: Promise<SqlJsStatic> | undefined;
function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= initSqlJs().catch((err: unknown) => {
    sqlJs = undefined;
    throw err;
  });
  return sqlJs;
}

const corrupt = () => new GeodataError("geodataCorrupt", { format: "GeoPackage" });

/**
 * A GeoPackage (OGC 12-128r18): a SQLite database whose `gpkg_contents` lists the feature tables,
 * `gpkg_geometry_columns` names each one's geometry column and `gpkg_spatial_ref_sys` its CRS.
 * Reads the named feature table, or the first one by name.
 */
export async function readGeoPackage(bytes: Uint8Array, layer?: string): Promise<SourceLayer> {
  const SQL = await loadSqlJs();
  let db: SqliteDatabase;
  try {
    db = new SQL.Database(bytes);
  } catch {
    throw corrupt();
  }
  try {
    let tables: Array<{ table: string; column: string; srsId: number }>;
    try {
      tables = rows(
        db,
        `select c.table_name, g.column_name, g.srs_id from gpkg_contents c
                         join gpkg_geometry_columns g on g.table_name = c.table_name
                         where c.data_type = 'features' order by c.table_name`,
      ).map((r) => ({
        table: String(r.table_name),
        column: String(r.column_name),
        srsId: Number(r.srs_id),
      }));
    } catch {
      throw corrupt();
    }
    const chosen = layer ? tables.find((t) => t.table === layer) : tables[0];
    if (!chosen) throw new GeodataError("geodataNoLayer", { layer: layer ?? "" });
    const srs = rows(
      db,
      `select srs_id, srs_name, organization, organization_coordsys_id, definition from gpkg_spatial_ref_sys where srs_id = ?`,
      [chosen.srsId],
    )[0];
    const crs = srs
      ? crsOfGeoPackage({
          srsId: Number(srs.srs_id),
          organization: String(srs.organization ?? ""),
          organizationCoordsysId: Number(srs.organization_coordsys_id),
          name: String(srs.srs_name ?? ""),
          definition: String(srs.definition ?? ""),
        })
      : ({ known: false, name: `srs_id ${chosen.srsId}` } as const);
    const table = quoteIdentifier(chosen.table);
    const count = Number(rows(db, `select count(*) as n from ${table}`)[0]?.n ?? 0);
    if (count > MAX_FEATURES) throw new GeodataError("geodataTooManyFeatures", { max: MAX_FEATURES });
    const features = rows(db, `select * from ${table}`).map((row) => {
      const { [chosen.column]: blob, ...properties } = row;
      return {
        properties: plainProperties(properties),
        geometry: blob instanceof Uint8Array ? readGeometryBlob(blob) : null,
      };
    });
    return { format: "geopackage", layer: chosen.table, crs, features };
  } catch (err) {
    if (err instanceof GeodataError) throw err;
    throw corrupt();
  } finally {
    db.close();
  }
}

function rows(
  db: SqliteDatabase,
  query: string,
  params: Array<string | number> = [],
): Array<Record<string, unknown>> {
  const statement = db.prepare(query);
  try {
    statement.bind(params);
    const out: Array<Record<string, unknown>> = [];
    while (statement.step()) out.push(statement.getAsObject() as Record<string, unknown>);
    return out;
  } finally {
    statement.free();
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Envelope sizes by the header's envelope indicator: none, xy, xyz, xym, xyzm. */
const envelopeBytes = [0, 32, 48, 48, 64];

/** A GeoPackage geometry blob: "GP", version, flags, srs_id, an optional envelope, then standard WKB. */
export function readGeometryBlob(blob: Uint8Array): Geometry | null {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) throw corrupt();
  const flags = blob[3]!;
  const envelope = envelopeBytes[(flags >> 1) & 0x07];
  if (envelope === undefined) throw corrupt();
  if ((flags >> 4) & 1) return null;
  return wkbToGeometry(blob, 8 + envelope);
}
