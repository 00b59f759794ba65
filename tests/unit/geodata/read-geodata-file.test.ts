import { readFileSync } from "node:fs";
import path from "node:path";
import type { Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../lib/errors";
import { crsOfGeoJson, crsOfWkt } from "../../../lib/geodata/crs";
import { readGeodataFile } from "../../../lib/geodata/read-geodata-file";

const dir = path.resolve(__dirname, "../../fixtures/geodata");
const read = (name: string, layer?: string) =>
  readGeodataFile({ bytes: new Uint8Array(readFileSync(path.join(dir, name))), fileName: name, layer });

/** Distance in metres between two [lng, lat] positions (equirectangular: fine over a few metres). */
function metresBetween(a: Position, b: Position): number {
  const lat = ((a[1]! + b[1]!) / 2) * (Math.PI / 180);
  const dx = (a[0]! - b[0]!) * 111_320 * Math.cos(lat);
  const dy = (a[1]! - b[1]!) * 110_574;
  return Math.hypot(dx, dy);
}

// The sources (tests/fixtures/geodata/sources) put Testovac's first vertex here, in WGS 84.
const testovacFirst: Position = [21.56, 43.84];
const testovacFifth: Position = [21.7, 43.92];

describe("reading geodata files", () => {
  it("reads GeoJSON in EPSG:4326 as GDAL writes it (CRS84), with every feature and attribute", async () => {
    const file = await read("boundary-4326.geojson");
    expect(file).toMatchObject({ format: "geojson", sourceCrs: "EPSG:4326", attributes: ["naziv", "sifra"] });
    expect(file.features.map((f) => f.properties.naziv)).toEqual(["Testovac", "Susedno selo"]);
    const ring = (file.features[0]!.geometry as Polygon).coordinates[0]!;
    expect(metresBetween(ring[0]!, testovacFirst)).toBeLessThan(0.01);
  });

  it("reprojects GeoJSON that declares UTM 34N (EPSG:32634) in its crs member", async () => {
    const file = await read("boundary-32634.geojson");
    expect(file.sourceCrs).toBe("EPSG:32634");
    const ring = (file.features[0]!.geometry as Polygon).coordinates[0]!;
    expect(metresBetween(ring[0]!, testovacFirst)).toBeLessThan(0.05);
    expect(metresBetween(ring[4]!, testovacFifth)).toBeLessThan(0.05);
  });

  it("reads a zipped Shapefile in EPSG:32634 from its .prj, with UTF-8 attributes from its .cpg", async () => {
    const file = await read("districts-32634.zip");
    expect(file).toMatchObject({ format: "shapefile", layer: "mesne_zajednice", sourceCrs: "EPSG:32634" });
    expect(file.features.map((f) => f.properties.naziv)).toEqual(["Zapad – Šumice", "Istok – Ćelije"]);
    const ring = (file.features[0]!.geometry as Polygon).coordinates[0]!;
    // Shapefile rings run clockwise; the vertex is there whatever the order.
    expect(Math.min(...ring.map((p) => metresBetween(p, testovacFirst)))).toBeLessThan(0.05);
  });

  it("reads a GeoPackage in MGI 1901 / Balkans zone 7 and brings it back within a few metres", async () => {
    const file = await read("boundary-3909.gpkg");
    // GDAL writes EPSG:3909 under its current number, 6316.
    expect(file).toMatchObject({ format: "geopackage", layer: "granica", sourceCrs: "EPSG:6316" });
    expect(file.features.map((f) => f.properties.naziv)).toEqual(["Testovac", "Susedno selo"]);
    const ring = (file.features[0]!.geometry as Polygon).coordinates[0]!;
    // GDAL used EPSG's Serbian 7-parameter shift; the same shift brings the vertices back within centimetres.
    expect(metresBetween(ring[0]!, testovacFirst)).toBeLessThan(0.05);
    expect(metresBetween(ring[4]!, testovacFifth)).toBeLessThan(0.05);
  });

  it("rejects a CRS it does not know, naming it", async () => {
    const error = await read("unknown-crs.geojson").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "unprocessable",
      messageKey: "geodataUnknownCrs",
      details: { crs: "EPSG:3844" },
    });
  });

  it.each([
    ["corrupt-shapefile.zip", "Shapefile (zip)"],
    ["corrupt.gpkg", "GeoPackage"],
  ])("rejects the corrupt file %s with a message naming its format", async (name, format) => {
    const error = await read(name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "unprocessable", messageKey: "geodataCorrupt", details: { format } });
  });

  it("rejects text that is not GeoJSON and a file of an unknown kind", async () => {
    const broken = await readGeodataFile({
      bytes: new TextEncoder().encode('{"type": "FeatureCollection", "features": ['),
      fileName: "a.geojson",
    }).catch((e: unknown) => e);
    expect(broken).toMatchObject({ messageKey: "geodataCorrupt", details: { format: "GeoJSON" } });
    const other = await readGeodataFile({
      bytes: new TextEncoder().encode("naziv;x;y"),
      fileName: "a.csv",
    }).catch((e: unknown) => e);
    expect(other).toMatchObject({ messageKey: "geodataUnsupportedFormat" });
  });

  it("identifies CRSs by their EPSG authority or their usual names", () => {
    expect(crsOfGeoJson({ type: "name", properties: { name: "EPSG:3909" } })).toEqual({
      known: true,
      code: "EPSG:3909",
    });
    expect(crsOfGeoJson(undefined)).toEqual({ known: true, code: "EPSG:4326" });
    expect(crsOfWkt('PROJCS["MGI_1901_Balkans_zone_7",GEOGCS["GCS_MGI_1901"]]')).toEqual({
      known: true,
      code: "EPSG:3909",
    });
    expect(crsOfWkt('PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984"]]')).toEqual({
      known: true,
      code: "EPSG:3857",
    });
    expect(crsOfWkt('PROJCS["Lambert 93",GEOGCS["RGF93"],AUTHORITY["EPSG","2154"]]')).toEqual({
      known: false,
      name: "EPSG:2154",
    });
    expect(crsOfWkt('PROJCS["Somewhere_Local_Grid",GEOGCS["X"]]')).toEqual({
      known: false,
      name: "Somewhere_Local_Grid",
    });
  });
});
