import { execFile } from "node:child_process";
import http from "node:http";
import { promisify } from "node:util";
import { chromium, type Browser } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as reportsGet, OPTIONS as reportsOptions } from "../../../app/api/reports/route";
import { GET as tileGet, OPTIONS as tileOptions } from "../../../app/api/tiles/[layer]/[z]/[x]/[y]/route";
import { GET as tileJsonGet } from "../../../app/api/tiles/[layer]/route";
import { GET as openDataGet, OPTIONS as openDataOptions } from "../../../app/open-data/[file]/route";
import {
  GET as itemsGet,
  OPTIONS as itemsOptions,
} from "../../../app/api/ogc/collections/[collectionId]/items/route";
import { getDb } from "../../../db/client";
import { fileReport } from "../../../lib/reports/file-report";
import { chromiumArgs, chromiumPath } from "../../helpers/chromium";
import { engine } from "../../helpers/engine";
import { serveRoutes, type Route } from "../../helpers/serve-routes";
import { buildWorkflowWorld } from "../../helpers/world";

const run = promisify(execFile);

function tileOf(lng: number, lat: number, z: number): [number, number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lng + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return [z, x, y];
}

/**
 * What clients outside the app do: GDAL's /vsicurl/ (QGIS "Protocol: HTTP(S)") opens a tile and an
 * open-data file by HEAD + Range requests, and a map on another site's page fetches tiles and OGC
 * answers from the browser. The routes are the app's own handlers, behind a server that streams
 * like Next does (no Content-Length unless the handler gives one). .ci/run installs gdal-bin.
 */
describe(`outside clients read the public surfaces (${engine} engine)`, () => {
  let served: Awaited<ReturnType<typeof serveRoutes>>;
  let tilePath: string;
  const descriptions: string[] = [];

  beforeAll(async () => {
    const world = await buildWorkflowWorld({ west: 19.6, south: 42.8 });
    const db = await getDb();
    for (let i = 0; i < 5; i++) {
      const description = `Vsicurl ${i}`;
      descriptions.push(description);
      await fileReport({
        db,
        report: {
          serviceCode: world.category.serviceCode,
          position: [world.inside[0] + i * 0.0005, world.inside[1]],
          description,
        },
      });
    }
    const [z, x, y] = tileOf(world.inside[0], world.inside[1], 14);
    tilePath = `/api/tiles/reports/${z}/${x}/${y}.mvt`;
    served = await serveRoutes([
      { pattern: "/api/reports", GET: reportsGet, OPTIONS: reportsOptions },
      { pattern: "/api/tiles/:layer/:z/:x/:y", GET: tileGet, OPTIONS: tileOptions },
      { pattern: "/api/tiles/:layer", GET: tileJsonGet },
      { pattern: "/open-data/:file", GET: openDataGet, OPTIONS: openDataOptions },
      { pattern: "/api/ogc/collections/:collectionId/items", GET: itemsGet, OPTIONS: itemsOptions },
    ] as Route[]);
  });

  afterAll(async () => {
    await served?.stop();
  });

  it("sends Content-Length and answers a byte range on tiles and open-data files", async () => {
    for (const path of [tilePath, "/open-data/reports.geojson"]) {
      const head = await fetch(`${served.origin}${path}`, { method: "HEAD" });
      expect(head.status, path).toBe(200);
      const length = Number(head.headers.get("content-length"));
      expect(length, path).toBeGreaterThan(0);
      expect(head.headers.get("accept-ranges")).toBe("bytes");
      const part = await fetch(`${served.origin}${path}`, { headers: { range: "bytes=0-9" } });
      expect(part.status).toBe(206);
      expect(part.headers.get("content-range")).toBe(`bytes 0-9/${length}`);
      expect((await part.arrayBuffer()).byteLength).toBe(10);
    }
  });

  it("lets GDAL /vsicurl/ open the open-data GeoJSON and count every public report", async () => {
    const { stdout } = await run("ogrinfo", [
      "-ro",
      "-so",
      "-al",
      `/vsicurl/${served.origin}/open-data/reports.geojson`,
    ]);
    const count = Number(/Feature Count: (\d+)/.exec(stdout)?.[1]);
    expect(count).toBeGreaterThanOrEqual(descriptions.length);
  });

  it("lets GDAL /vsicurl/ open a vector tile and read the reports layer", async () => {
    const { stdout } = await run("ogrinfo", ["-ro", "-al", "-so", `/vsicurl/${served.origin}${tilePath}`]);
    expect(stdout).toMatch(/Layer name: reports/);
    expect(Number(/Feature Count: (\d+)/.exec(stdout)?.[1])).toBeGreaterThan(0);
  });

  it("publishes TileJSON whose tile template leads GDAL to the same tile", async () => {
    const doc = (await (await fetch(`${served.origin}/api/tiles/reports.json`)).json()) as {
      tilejson: string;
      tiles: string[];
      vector_layers: Array<{ id: string }>;
    };
    expect(doc.tilejson).toBe("3.0.0");
    expect(doc.vector_layers.map((l) => l.id)).toContain("reports");
    const [, , , , z, x, y] = tilePath.replace(".mvt", "").split("/");
    const url = doc.tiles[0]!.replace("{z}", z!).replace("{x}", x!).replace("{y}", y!);
    expect(url).toBe(`${served.origin}${tilePath}`);
    const { stdout } = await run("ogrinfo", ["-ro", "-al", "-so", `/vsicurl/${url}`]);
    expect(stdout).toMatch(/Layer name: reports/);
    expect((await fetch(`${served.origin}/api/tiles/nope.json`)).status).toBe(404);
  });

  it("answers preflights and errors on the public surfaces with CORS headers", async () => {
    const preflight = await fetch(`${served.origin}/api/ogc/collections/reports/items`, {
      method: "OPTIONS",
      headers: {
        origin: "http://elsewhere.example",
        "access-control-request-method": "GET",
        "access-control-request-headers": "if-none-match",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("if-none-match");
    const error = await fetch(`${served.origin}/api/ogc/collections/nope/items?lang=en`);
    expect(error.status).toBe(404);
    expect(error.headers.get("access-control-allow-origin")).toBe("*");
    const body = (await error.json()) as { code: string; description: string };
    expect(body.description).not.toMatch(/^[a-z]+[A-Z]\w+ \{/);
    const bad = await fetch(`${served.origin}/api/reports?bbox=oops`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get("access-control-allow-origin")).toBe("*");
  });

  describe("from a page on another origin in Chromium", () => {
    let browser: Browser;
    let page: http.Server;
    let pageOrigin: string;

    beforeAll(async () => {
      page = http.createServer((_req, res) => {
        res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>elsewhere</title>");
      });
      await new Promise<void>((resolve) => page.listen(0, "127.0.0.1", resolve));
      // "localhost" vs the API's "127.0.0.1": a different origin, as another site's map would be.
      pageOrigin = `http://localhost:${(page.address() as { port: number }).port}`;
      browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    });

    afterAll(async () => {
      await browser?.close();
      await new Promise<void>((resolve) => page.close(() => resolve()));
    });

    it("fetches a tile, reads an OGC error and passes a preflight", async () => {
      const tab = await browser.newPage();
      await tab.goto(pageOrigin);
      const result = await tab.evaluate(
        async ({ api, tile }) => {
          const tileRes = await fetch(`${api}${tile}`);
          const tileBytes = (await tileRes.arrayBuffer()).byteLength;
          const err = await fetch(`${api}/api/ogc/collections/nope/items`);
          const errBody = await err.json();
          // A non-safelisted header makes the browser send a preflight first.
          const pre = await fetch(`${api}/api/ogc/collections/reports/items?limit=2`, {
            headers: { "if-none-match": '"x"' },
          });
          return {
            tileStatus: tileRes.status,
            tileBytes,
            tileLength: tileRes.headers.get("content-length"),
            errStatus: err.status,
            errCode: errBody.code,
            preStatus: pre.status,
            preCount: (await pre.json()).features.length,
          };
        },
        { api: served.origin, tile: tilePath },
      );
      expect(result.tileStatus).toBe(200);
      expect(result.tileBytes).toBeGreaterThan(0);
      expect(Number(result.tileLength)).toBe(result.tileBytes);
      expect(result.errStatus).toBe(404);
      expect(result.errCode).toBe("not_found");
      expect(result.preStatus).toBe(200);
      expect(result.preCount).toBe(2);
      await tab.close();
    });
  });
});
