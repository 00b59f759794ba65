import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as download } from "../../../app/open-data/[file]/route";
import { getDb } from "../../../db/client";
import * as t from "../../../db/schema";
import { resetEnvCache } from "../../../lib/env";
import { datasetPath, generateOpenData } from "../../../lib/open-data/datasets";
import { fileReport } from "../../../lib/reports/file-report";
import { buildCategory } from "../../helpers/builders";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";

const secret = { name: "Otvorena Tajna", email: "otvorena.tajna@mail.example", phone: "+381 66 4445556" };

describe(`open data on the ${engine} engine`, () => {
  let exact: string;
  let coarse: string;
  let hidden: string;
  const position: [number, number] = [19.1234567, 44.7654321];

  beforeAll(async () => {
    process.env.OPEN_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "civic-open-data-"));
    resetEnvCache();
    const world = await buildWorkflowWorld({ west: 19.1, south: 44.7 });
    const db = await getDb();
    const home = await buildCategory({ municipalityId: world.municipality.id, sector: "water" });
    await db
      .update(t.serviceCategories)
      .set({ locationPrecisionMetres: 250 })
      .where(sql`id = ${home.id}`);
    const hiddenCategory = await buildCategory({
      municipalityId: world.municipality.id,
      sector: "water",
      isPublic: false,
    });
    exact = (
      await fileReport({
        db,
        report: {
          serviceCode: world.category.serviceCode,
          position,
          description: 'Tačno, "navodnici", zarez',
          contact: secret,
        },
      })
    ).trackingCode;
    coarse = (
      await fileReport({
        db,
        report: { serviceCode: home.serviceCode, position, description: "Kuća", contact: secret },
      })
    ).trackingCode;
    hidden = (
      await fileReport({
        db,
        report: { serviceCode: hiddenCategory.serviceCode, position, description: "Skriveno" },
      })
    ).trackingCode;
    await generateOpenData(db);
  });

  it("publishes public reports without contacts, and reports at homes on a 250 m grid", () => {
    const geojson = fs.readFileSync(datasetPath("reports", "geojson"), "utf8");
    for (const value of Object.values(secret)) expect(geojson).not.toContain(value);
    const features = JSON.parse(geojson).features as Array<{
      geometry: { coordinates: number[] };
      properties: Record<string, unknown>;
    }>;
    const byCode = Object.fromEntries(features.map((f) => [f.properties.code, f]));
    expect(byCode[hidden]).toBeUndefined();
    expect(byCode[exact]!.geometry.coordinates).toEqual([19.123457, 44.765432]);
    const [lng, lat] = byCode[coarse]!.geometry.coordinates as [number, number];
    expect(byCode[coarse]!.properties.location_precision_m).toBe(250);
    // The centre of a 250 m grid cell: half a step past a multiple of the step, and within the cell.
    const stepLat = 250 / 111_320;
    expect(Math.abs(lat / stepLat - 0.5 - Math.round(lat / stepLat - 0.5))).toBeLessThan(1e-3);
    expect(Math.abs(lat - position[1])).toBeLessThanOrEqual(stepLat / 2 + 1e-6);
    expect(
      Math.hypot(
        (lng - position[0]) * 111_320 * Math.cos((lat * Math.PI) / 180),
        (lat - position[1]) * 111_320,
      ),
    ).toBeGreaterThan(1);
  });

  it("writes CSV with a header, quoted cells and no contacts", () => {
    const csv = fs.readFileSync(datasetPath("reports", "csv"), "utf8");
    expect(csv.startsWith("\uFEFFcode,category,")).toBe(true);
    for (const value of Object.values(secret)) expect(csv).not.toContain(value);
    expect(csv).toContain(exact);
    expect(csv).not.toContain(hidden);
  });

  it("serves the files for download and refuses unknown ones", async () => {
    const res = await download(new NextRequest("http://localhost/open-data/reports.csv"), {
      params: Promise.resolve({ file: "reports.csv" }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(await res.text()).toContain(exact);
    const geo = await download(new NextRequest("http://localhost/open-data/districts.geojson"), {
      params: Promise.resolve({ file: "districts.geojson" }),
    });
    expect((await geo.json()).type).toBe("FeatureCollection");
    const missing = await download(new NextRequest("http://localhost/open-data/users.csv"), {
      params: Promise.resolve({ file: "users.csv" }),
    });
    expect(missing.status).toBe(404);
  });
});
