import { readFileSync } from "node:fs";
import path from "node:path";
import type { MultiPolygon } from "geojson";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { previewGeodata } from "../../../lib/geodata/preview-geodata";
import { readGeodataFile } from "../../../lib/geodata/read-geodata-file";
import { engine } from "../../helpers/engine";

const dir = path.resolve(__dirname, "../../fixtures/geodata");
const read = (name: string) =>
  readGeodataFile({ bytes: new Uint8Array(readFileSync(path.join(dir, name))), fileName: name });

describe(`previewing imported geodata on the ${engine} engine`, () => {
  it("repairs a self-intersecting (bow-tie) polygon into its two areas, says why, and rejects a point", async () => {
    const preview = await previewGeodata({ db: await getDb(), file: await read("bowtie-4326.geojson") });
    expect(preview.counts).toEqual({ ok: 0, repaired: 1, rejected: 1 });
    const [bowtie, point] = preview.features;
    expect(bowtie).toMatchObject({
      status: "repaired",
      reason: "self_intersection",
      detail: expect.stringMatching(/^Self-intersection\[21\.63 43\.87/),
    });
    const parts = (bowtie!.geometry as MultiPolygon).coordinates;
    expect(parts).toHaveLength(2);
    // Two triangles, each 0.06° of latitude (6.67 km) by 0.03° of longitude (2.41 km) / 2: about 2 × 8.04 km².
    expect(bowtie!.areaSquareMetres).toBeGreaterThan(15_800_000);
    expect(bowtie!.areaSquareMetres).toBeLessThan(16_300_000);
    expect(point).toMatchObject({
      status: "rejected",
      reason: "not_polygon",
      detail: "Point",
      geometry: null,
    });
  });

  it("passes valid polygons from every format as MultiPolygons in EPSG:4326 with their area", async () => {
    for (const name of ["boundary-4326.geojson", "boundary-3909.gpkg", "districts-32634.zip"]) {
      const preview = await previewGeodata({ db: await getDb(), file: await read(name) });
      expect(preview.counts, name).toEqual({ ok: 2, repaired: 0, rejected: 0 });
      expect(preview.features[0]!.geometry?.type).toBe("MultiPolygon");
      expect(preview.features[0]!.areaSquareMetres).toBeGreaterThan(10_000_000);
    }
  });

  it("flags features that stick out of the boundary they belong to", async () => {
    const db = await getDb();
    const boundary = await previewGeodata({ db, file: await read("boundary-3909.gpkg") });
    const testovac = boundary.features[0]!.geometry!;
    const districts = await previewGeodata({
      db,
      file: await read("districts-32634.zip"),
      boundary: testovac,
    });
    expect(districts.features.map((f) => f.outsideBoundary)).toEqual([false, false]);
    const neighbour = await previewGeodata({
      db,
      file: await read("boundary-4326.geojson"),
      boundary: testovac,
    });
    expect(neighbour.features.map((f) => f.outsideBoundary)).toEqual([false, true]);
  });

  it("rejects rings that are not closed or coordinates that are not longitude and latitude", async () => {
    const preview = await previewGeodata({
      db: await getDb(),
      file: {
        format: "geojson",
        layer: "hand-made",
        sourceCrs: "EPSG:4326",
        attributes: [],
        features: [
          {
            index: 0,
            properties: {},
            vertexCount: 4,
            geometry: {
              type: "Polygon",
              coordinates: [
                [
                  [21, 43],
                  [21.1, 43],
                  [21.1, 43.1],
                  [21, 43.1],
                ],
              ],
            },
          },
          {
            index: 1,
            properties: {},
            vertexCount: 4,
            geometry: {
              type: "Polygon",
              coordinates: [
                [
                  [545018, 4854254],
                  [548249, 4852055],
                  [554683, 4852105],
                  [545018, 4854254],
                ],
              ],
            },
          },
          { index: 2, properties: {}, vertexCount: 0, geometry: null },
        ],
      },
    });
    expect(preview.features.map((f) => [f.status, f.reason])).toEqual([
      ["rejected", "unclosed_ring"],
      ["rejected", "out_of_range"],
      ["rejected", "no_geometry"],
    ]);
  });
});
