import { execFile } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { chromium } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "../helpers/chromium";
import { expect, test, type Browser } from "./fixtures";

const run = promisify(execFile);
const maplibreDir = path.join(__dirname, "..", "..", "node_modules", "maplibre-gl", "dist");

/**
 * Another site on another local origin: a page of its own, and MapLibre hosted by that site (a
 * worker must come from the page's origin). Everything else its pages load comes from the app.
 */
function otherSite(appOrigin: string) {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Another site</title>
<link rel="stylesheet" href="/maplibre/maplibre-gl.css"></head>
<body><h1>Another site</h1><div id="map" role="region" aria-label="Reports map" style="width:640px;height:420px"></div>
<script type="module">
import * as maplibregl from "/maplibre/maplibre-gl.mjs";
maplibregl.setWorkerUrl("/maplibre/maplibre-gl-worker.mjs");
window.showMap = (center, zoom) => new Promise((resolve, reject) => {
  const map = new maplibregl.Map({ container: "map", style: "${appOrigin}/api/map/style.json", center, zoom });
  window.theMap = map;
  map.on("error", (e) => window.mapErrors.push(String(e.error && e.error.message)));
  map.once("idle", () => resolve(true));
  setTimeout(() => reject(new Error("map not idle")), 40000);
});
window.mapErrors = [];
</script></body></html>`;
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname.startsWith("/maplibre/")) {
      const file = path.join(maplibreDir, path.basename(url.pathname));
      if (!fs.existsSync(file)) return res.writeHead(404).end();
      const type = file.endsWith(".css") ? "text/css" : "text/javascript";
      return res.writeHead(200, { "content-type": type }).end(fs.readFileSync(file));
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
  });
}

/**
 * A visitor of the other site, in a browser of its own: the suite's pages carry an X-Forwarded-For
 * header (fixtures.ts), which would make every cross-origin fetch ask first, as no real visitor's does.
 */
let visitorBrowser: Browser | null = null;
async function visitor() {
  visitorBrowser ??= await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  // The test runner lays its context options (the header among them) under every new context;
  // options given here replace them.
  const context = await visitorBrowser.newContext({
    viewport: { width: 1280, height: 800 },
    extraHTTPHeaders: {},
  });
  return context.newPage();
}

/** Ćuprija's centre, where the demo data has its reports. */
const centre: [number, number] = [21.37, 43.93];

function tileOf([lng, lat]: [number, number], z: number) {
  const n = 2 ** z;
  const x = Math.floor(((lng + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return { z, x, y };
}

test.describe("clients outside the app", () => {
  let site: http.Server;
  let siteOrigin: string;

  test.beforeAll(async ({ baseURL }) => {
    site = otherSite(baseURL!);
    await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
    // "localhost" and "127.0.0.1" are different origins.
    siteOrigin = `http://localhost:${(site.address() as AddressInfo).port}`;
  });
  test.afterAll(async () => {
    await visitorBrowser?.close();
    await new Promise<void>((resolve) => site.close(() => resolve()));
  });

  test("GDAL's /vsicurl/ reads an open-data file and a tile through the app server", async ({
    baseURL,
    request,
  }) => {
    const geojson = await request.get("/open-data/reports.geojson");
    const bytes = await geojson.body();
    const features = (JSON.parse(bytes.toString("utf8")) as { features: unknown[] }).features.length;
    expect(features).toBeGreaterThan(0);
    // The length of the bytes as stored (a client that accepts gzip gets the compressed length).
    const head = await request.head("/open-data/reports.geojson", {
      headers: { "accept-encoding": "identity" },
    });
    expect(head.headers()["content-length"]).toBe(String(bytes.byteLength));

    const file = await run(
      "ogrinfo",
      ["-ro", "-so", "-al", `/vsicurl/${baseURL}/open-data/reports.geojson`],
      {
        env: { ...process.env, GDAL_HTTP_TIMEOUT: "30" },
      },
    );
    expect(file.stdout).toContain(`Feature Count: ${features}`);

    const { z, x, y } = tileOf(centre, 12);
    const mvt = await run("ogrinfo", [
      "-ro",
      "-so",
      "-al",
      "-oo",
      `Z=${z}`,
      "-oo",
      `X=${x}`,
      "-oo",
      `Y=${y}`,
      `/vsicurl/${baseURL}/api/tiles/reports/${z}/${x}/${y}.mvt`,
    ]);
    expect(mvt.stdout).toMatch(/using driver `MVT' successful/);
    expect(mvt.stdout).toMatch(/Layer name: clusters/);
  });

  test("OGC paths with a trailing slash answer 200, as strict clients and harvesters ask", async ({
    request,
  }) => {
    for (const path of [
      "/api/ogc/",
      "/api/ogc/collections/",
      "/api/ogc/collections/reports/items/?limit=2",
    ]) {
      const res = await request.get(path, {
        headers: { accept: "application/json", "accept-encoding": "identity" },
        maxRedirects: 0,
      });
      expect(res.status(), path).toBe(200);
      expect(Number(res.headers()["content-length"])).toBe((await res.body()).byteLength);
    }
    const items = await (await request.get("/api/ogc/collections/reports/items/?limit=2")).json();
    expect(items.features).toHaveLength(2);
  });

  test("a page on another origin reads tiles, OGC errors and byte ranges (preflighted)", async ({
    baseURL,
  }) => {
    const page = await visitor();
    await page.goto(siteOrigin);
    const { z, x, y } = tileOf(centre, 14);
    const answers = await page.evaluate(
      async ({ app, tile }) => {
        const tileRes = await fetch(`${app}/api/tiles/reports/${tile}.mvt`);
        const ogcError = await fetch(`${app}/api/ogc/collections/reports/items?status=received`);
        // Range is not a simple header: the browser asks first (OPTIONS), then reads the part.
        const ranged = await fetch(`${app}/open-data/reports.geojson`, { headers: { range: "bytes=0-99" } });
        return {
          tile: { status: tileRes.status, bytes: (await tileRes.arrayBuffer()).byteLength },
          ogc: { status: ogcError.status, body: await ogcError.text() },
          ranged: {
            status: ranged.status,
            length: (await ranged.text()).length,
            contentRange: ranged.headers.get("content-range"),
          },
        };
      },
      { app: baseURL!, tile: `${z}/${x}/${y}` },
    );
    expect(answers.tile.status).toBe(200);
    expect(answers.tile.bytes).toBeGreaterThan(0);
    expect(answers.ogc.status).toBe(400);
    expect(answers.ogc.body).toContain("status");
    expect(answers.ranged).toMatchObject({ status: 206, length: 100 });
    expect(answers.ranged.contentRange).toMatch(/^bytes 0-99\/\d+$/);
  });

  test("a MapLibre map on another origin draws the reports from the published style", async () => {
    const page = await visitor();
    await page.goto(siteOrigin);
    await expect(page.getByRole("region", { name: "Reports map" })).toBeVisible();
    await page.waitForFunction(
      () => typeof (window as unknown as { showMap?: unknown }).showMap === "function",
    );
    await page.evaluate(
      (c) => (window as unknown as { showMap: (c: number[], z: number) => Promise<boolean> }).showMap(c, 12),
      centre,
    );
    type W = { theMap: { queryRenderedFeatures: (o: object) => unknown[] }; mapErrors: string[] };
    const clusters = await page.evaluate(() => {
      const map = (window as unknown as W).theMap;
      return {
        circles: map.queryRenderedFeatures({ layers: ["report-clusters"] }).length,
        // Placed only once their glyphs have loaded.
        counts: map.queryRenderedFeatures({ layers: ["report-cluster-counts"] }).length,
        errors: (window as unknown as W).mapErrors,
      };
    });
    expect(clusters.errors).toEqual([]);
    expect(clusters.circles).toBeGreaterThan(0);
    expect(clusters.counts).toBeGreaterThan(0);
  });
});
