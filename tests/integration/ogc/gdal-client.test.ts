import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as landing } from "../../../app/api/ogc/route";
import { GET as conformance } from "../../../app/api/ogc/conformance/route";
import { GET as openapi } from "../../../app/api/ogc/api/route";
import { GET as collections } from "../../../app/api/ogc/collections/route";
import { GET as collection } from "../../../app/api/ogc/collections/[collectionId]/route";
import { GET as items } from "../../../app/api/ogc/collections/[collectionId]/items/route";
import { GET as item } from "../../../app/api/ogc/collections/[collectionId]/items/[featureId]/route";
import { getDb } from "../../../db/client";
import { fileReport } from "../../../lib/reports/file-report";
import { engine } from "../../helpers/engine";
import { serveRoutes, type Route } from "../../helpers/serve-routes";
import { buildWorkflowWorld } from "../../helpers/world";

const run = promisify(execFile);
const secret = { name: "Gdal Skriveni", email: "gdal.skriveni@mail.example", phone: "+381 69 1231231" };

/**
 * What a desktop GIS does: GDAL's OGC API – Features driver (the one QGIS uses) opens the landing
 * page, lists the collections and reads every feature of a layer page by page over HTTP.
 * .ci/run installs gdal-bin; the test fails rather than skips without it.
 */
describe(`A desktop GIS (GDAL OAPIF) reads the OGC API on the ${engine} engine`, () => {
  let served: Awaited<ReturnType<typeof serveRoutes>>;
  const codes: string[] = [];

  beforeAll(async () => {
    const world = await buildWorkflowWorld({ west: 19.4, south: 42.6 });
    const db = await getDb();
    for (let i = 0; i < 23; i++) {
      const filed = await fileReport({
        db,
        report: {
          serviceCode: world.category.serviceCode,
          position: [19.42 + i * 0.001, 42.62],
          description: `GDAL ${i}`,
          contact: secret,
        },
      });
      codes.push(filed.trackingCode);
    }
    served = await serveRoutes([
      { pattern: "/api/ogc", GET: landing },
      { pattern: "/api/ogc/conformance", GET: conformance },
      { pattern: "/api/ogc/api", GET: openapi },
      { pattern: "/api/ogc/collections", GET: collections },
      { pattern: "/api/ogc/collections/:collectionId", GET: collection },
      { pattern: "/api/ogc/collections/:collectionId/items", GET: items },
      { pattern: "/api/ogc/collections/:collectionId/items/:featureId", GET: item },
    ] as Route[]);
  });

  afterAll(async () => {
    await served?.stop();
  });

  it("lists every collection as a layer", async () => {
    const { stdout } = await run("ogrinfo", ["-ro", "-q", `OAPIF:${served.origin}/api/ogc`], {
      timeout: 60_000,
    });
    for (const layer of ["reports", "permits", "districts", "service-areas"])
      expect(stdout).toMatch(new RegExp(`\\d+: ${layer}\\b`));
  });

  it("reads all reports through the paging links, with public fields only", async () => {
    const { stdout } = await run(
      "ogr2ogr",
      ["-f", "GeoJSON", "/vsistdout/", `OAPIF:${served.origin}/api/ogc`, "reports", "-oo", "PAGE_SIZE=5"],
      { timeout: 120_000, maxBuffer: 32 * 1024 * 1024 },
    );
    const read = JSON.parse(stdout) as {
      features: Array<{ properties: Record<string, unknown>; geometry: { type: string } }>;
    };
    const found = read.features.map((f) => String(f.properties.code ?? f.properties.id));
    expect(found.filter((c) => codes.includes(c)).sort()).toEqual([...codes].sort());
    expect(read.features.every((f) => f.geometry.type === "Point")).toBe(true);
    for (const value of [secret.name, secret.email, secret.phone]) expect(stdout).not.toContain(value);
  });
});
