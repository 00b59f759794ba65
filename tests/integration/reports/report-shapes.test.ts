import { VectorTile } from "@mapbox/vector-tile";
import { PbfReader } from "pbf";
import { sql } from "drizzle-orm";
import type { LineString, Polygon } from "geojson";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, getDbHandle } from "../../../db/client";
import { queryOne } from "../../../db/query";
import * as t from "../../../db/schema";
import { defaultAnalyticsFilters } from "../../../lib/analytics/filters";
import { streamReportExport } from "../../../lib/analytics/stream-report-export";
import { getItem } from "../../../lib/ogc/collections";
import { listRequests } from "../../../lib/open311/requests";
import { fileReport } from "../../../lib/reports/file-report";
import { findDuplicateCandidates } from "../../../lib/reports/find-duplicate-candidates";
import { getPublicReport } from "../../../lib/reports/get-public-report";
import { noFilters } from "../../../lib/reports/public-filters";
import { getTile } from "../../../lib/tiles/get-tile";
import { box, buildOrganisation } from "../../helpers/builders";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";

type World = Awaited<ReturnType<typeof buildWorkflowWorld>>;

const WEST = 21.2;
const SOUTH = 43.1;
/** West of MID is the first water utility's area, east of it the second's. */
const MID = WEST + 0.05;
const Y = SOUTH + 0.05;

/**
 * A U-shaped stretch: 0.02° east of MID, 0.01° west of it, up, and back east. Its middle (by
 * length) lies west of MID, but most of its length lies east of it.
 */
const uTurn: LineString = {
  type: "LineString",
  coordinates: [
    [MID + 0.02, Y],
    [MID - 0.01, Y],
    [MID - 0.01, Y + 0.01],
    [MID + 0.02, Y + 0.01],
  ],
};

const area: Polygon = {
  type: "Polygon",
  coordinates: [
    [
      [MID + 0.01, Y - 0.02],
      [MID + 0.02, Y - 0.02],
      [MID + 0.02, Y - 0.01],
      [MID + 0.01, Y - 0.01],
      [MID + 0.01, Y - 0.02],
    ],
  ],
};

function tileOf(lng: number, lat: number, z: number): [number, number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lng + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return [z, x, y];
}

function tileFeatures(body: Buffer, layer: string) {
  const tile = new VectorTile(new PbfReader(body));
  const l = tile.layers[layer];
  return l ? Array.from({ length: l.length }, (_, i) => l.feature(i)) : [];
}

describe(`drawn lines and areas on the ${engine} engine`, () => {
  let world: World;
  let westUtility: number;
  let eastUtility: number;
  let lineCode: string;

  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: WEST, south: SOUTH });
    westUtility = (
      await buildOrganisation({
        municipalityId: world.municipality.id,
        sector: "water",
        serviceArea: box(WEST, SOUTH, MID, SOUTH + 0.1),
      })
    ).id;
    eastUtility = (
      await buildOrganisation({
        municipalityId: world.municipality.id,
        sector: "water",
        serviceArea: box(MID, SOUTH, WEST + 0.1, SOUTH + 0.1),
      })
    ).id;
  });

  it("pins a drawn line at its middle and routes it to the service area holding most of it", async () => {
    const db = await getDb();
    const filed = await fileReport({
      db,
      report: {
        serviceCode: world.category.serviceCode,
        // The client's pin is ignored for a shape: the server puts it on the shape.
        position: world.inside,
        shape: uTurn,
        description: "Udarne rupe duž cele ulice.",
        locale: "en",
      },
    });
    lineCode = filed.trackingCode;
    const stored = await queryOne<{ lng: number; lat: number; on_shape: boolean }>(
      db,
      sql`select ST_X(location) as lng, ST_Y(location) as lat, ST_DWithin(location, shape, 1e-9) as on_shape
          from reports where id = ${filed.id}`,
    );
    expect(stored!.on_shape).toBe(true);
    expect(stored!.lng).toBeCloseTo(MID - 0.01, 6);
    expect(stored!.lat).toBeCloseTo(Y + 0.005, 6);
    // The pin is in the west utility's area, but most of the stretch is in the east one's.
    expect(filed.assignedOrganisationId).toBe(eastUtility);
    expect(filed.assignedOrganisationId).not.toBe(westUtility);
  });

  it("offers a line as a duplicate by the distance to the line, not to its pin", async () => {
    const db = await getDb();
    // 30 m south of the line's first segment, 1.6 km east of its pin.
    const near = [MID + 0.015, Y - 30 / 111_320];
    const candidates = await findDuplicateCandidates({
      db,
      municipalityId: world.municipality.id,
      serviceCode: world.category.serviceCode,
      position: near,
      locale: "en",
    });
    const found = candidates.find((c) => c.code === lineCode);
    expect(found).toBeDefined();
    expect(found!.distanceMetres).toBeGreaterThanOrEqual(28);
    expect(found!.distanceMetres).toBeLessThanOrEqual(32);
  });

  it("publishes the shape on the report page, in OGC, Open311, the tiles and the export", async () => {
    const db = await getDb();
    const polygon = await fileReport({
      db,
      report: {
        serviceCode: world.category.serviceCode,
        position: world.inside,
        shape: area,
        description: "Divlja deponija na livadi.",
        locale: "en",
      },
    });
    const page = await getPublicReport({ db, code: lineCode, locale: "en" });
    expect(page!.shape).toEqual(uTurn);

    const line = await getItem({ db, id: "reports", featureId: lineCode, locale: "en" });
    expect(line!.geometry).toEqual(uTurn);
    expect((line!.properties!.point as { type: string }).type).toBe("Point");
    const polygonItem = await getItem({ db, id: "reports", featureId: polygon.trackingCode, locale: "en" });
    expect(polygonItem!.geometry.type).toBe("Polygon");

    const requests = await listRequests({
      db,
      query: { municipalityId: world.municipality.id, ids: [lineCode], page: 1, pageSize: 10 },
      locale: "en",
      baseUrl: "http://localhost",
    });
    const request = requests[0] as Record<string, unknown>;
    expect(request.lat).toBeCloseTo(Y + 0.005, 6);
    expect((request.extended_attributes as { shape: string }).shape).toMatch(/^LINESTRING\(/);

    const [z, x, y] = tileOf(MID + 0.005, Y, 14);
    const tile = await getTile({ handle: await getDbHandle(), layer: "shapes", z, x, y, filters: noFilters });
    const shapes = tileFeatures(tile.body, "shapes");
    const drawn = shapes.find((f) => f.properties.id === lineCode);
    expect(drawn?.type).toBe(2); // a line
    expect(drawn?.properties.status_group).toBe("open");
    const [pz, px, py] = tileOf(MID + 0.015, Y - 0.015, 14);
    const areaTile = await getTile({
      handle: await getDbHandle(),
      layer: "shapes",
      z: pz,
      x: px,
      y: py,
      filters: noFilters,
    });
    expect(
      tileFeatures(areaTile.body, "shapes").find((f) => f.properties.id === polygon.trackingCode)?.type,
    ).toBe(3);
    // Shapes are left to the clusters when zoomed out.
    const far = await getTile({
      handle: await getDbHandle(),
      layer: "shapes",
      ...Object.fromEntries(["z", "x", "y"].map((k, i) => [k, tileOf(MID, Y, 10)[i]])),
      filters: noFilters,
    } as Parameters<typeof getTile>[0]);
    expect(tileFeatures(far.body, "shapes")).toHaveLength(0);

    const exported = JSON.parse(
      await new Response(
        streamReportExport({
          db,
          municipalityId: world.municipality.id,
          // The default period ends today in Belgrade, where the reports were filed a moment ago.
          filters: { ...defaultAnalyticsFilters(), categories: [world.category.serviceCode] },
          format: "geojson",
          locale: "en",
        }),
      ).text(),
    ) as { features: Array<{ geometry: { type: string }; properties: Record<string, unknown> }> };
    const byCode = new Map(exported.features.map((f) => [f.properties.tracking_code, f]));
    expect(byCode.get(lineCode)!.geometry).toEqual(uTurn);
    expect(byCode.get(polygon.trackingCode)!.geometry.type).toBe("Polygon");
  });

  it("publishes no exact shape for a category shown only approximately", async () => {
    const db = await getDb();
    await db
      .update(t.serviceCategories)
      .set({ locationPrecisionMetres: 250 })
      .where(sql`id = ${world.category.id}`);
    try {
      expect((await getPublicReport({ db, code: lineCode, locale: "en" }))!.shape).toBeNull();
      const item = await getItem({ db, id: "reports", featureId: lineCode, locale: "en" });
      expect(item!.geometry.type).toBe("Point");
      const [z, x, y] = tileOf(MID + 0.005, Y, 14);
      const tile = await getTile({
        handle: await getDbHandle(),
        layer: "shapes",
        z,
        x,
        y,
        filters: noFilters,
      });
      expect(tileFeatures(tile.body, "shapes").find((f) => f.properties.id === lineCode)).toBeUndefined();
    } finally {
      await db
        .update(t.serviceCategories)
        .set({ locationPrecisionMetres: null })
        .where(sql`id = ${world.category.id}`);
    }
  });
});
