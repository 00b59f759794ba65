// JavaScript each map page ships, read from the build in .next (run `npx next build` first):
//
//   node bench/js-bytes.mjs [label]        (npm run bench:js)
//
// First load: what the page's HTML makes the browser fetch before it can hydrate — the framework's
// root chunks and the chunks of the page's client components (the page's client-reference
// manifest). After idle: every chunk those can still import on demand (found by following the
// `static/chunks/…` names inside them), MapLibre's among them on the map pages. Sizes are raw and
// gzip (level 6, what nginx sends). The baseline is measured in the same run from the same build:
// the first load the page would have if MapLibre were loaded with it (as a static import does).
// Results: bench/results/map-pages-light.md and .json; with a label, map-pages-light-<label>.json
// only (e.g. `main`, kept to compare with: the table then shows it beside this build).
// With BASE_URL (the app running this build, e.g. `E2E_PORT=3221 node scripts/e2e-server.mjs`),
// the home page is also opened in Chromium, as a phone and as a desktop (median of RUNS visits): the JavaScript it has
// fetched (compressed, as sent) by the load event and once the map is drawn, and when MapLibre was
// asked for against the first contentful paint.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
// NEXT_DIR: another checkout's build (main's, to keep its figures beside these).
const next = process.env.NEXT_DIR ?? path.join(root, ".next");
const label = process.argv[2] ?? null;

/** The pages measured: the map pages, then pages without a map for comparison. */
const pages = [
  ["/", "(public)/page"],
  ["/report", "(public)/report/page"],
  ["/reports/[code]", "(public)/reports/[code]/page"],
  ["/staff/field", "(staff)/staff/field/page"],
  ["/staff/queue", "(staff)/staff/queue/page"],
  ["/staff/permits", "(staff)/staff/permits/page"],
  ["/staff/analytics", "(staff)/staff/analytics/page"],
  ["/track", "(public)/track/page"],
  ["/charter", "(public)/charter/page"],
];

if (!fs.existsSync(path.join(next, "build-manifest.json"))) {
  console.error("No build in .next: run `npx next build` first.");
  process.exit(1);
}

const sizes = new Map();
/** Raw and gzip bytes of a built file ("static/chunks/x.js"). */
function sizeOf(file) {
  if (!sizes.has(file)) {
    const body = fs.readFileSync(path.join(next, file));
    sizes.set(file, { raw: body.length, gzip: gzipSync(body, { level: 6 }).length, body });
  }
  return sizes.get(file);
}

/** MapLibre's own chunk: the library announces itself in its source. */
const isMapLibre = (file) => {
  const { body, raw } = sizeOf(file);
  return raw > 300_000 && body.includes("maplibre");
};

const normalise = (file) => file.replace(/^\/_next\//, "");

/** The chunks a chunk can load on demand, following the names it holds, transitively. */
function reachable(start, known) {
  const found = new Set();
  const queue = [...start];
  while (queue.length) {
    const file = queue.pop();
    if (!file.endsWith(".js")) continue;
    const text = sizeOf(file).body.toString("latin1");
    for (const [name] of text.matchAll(/static\/chunks\/[A-Za-z0-9_.-]+\.(?:js|css)/g)) {
      if (known.has(name) || found.has(name) || !fs.existsSync(path.join(next, name))) continue;
      found.add(name);
      queue.push(name);
    }
  }
  return found;
}

function manifestOf(appPath) {
  const file = path.join(next, "server", "app", `${appPath}_client-reference-manifest.js`);
  if (!fs.existsSync(file)) return null;
  globalThis.self = globalThis;
  globalThis.__RSC_MANIFEST = {};
  // The manifest is a script that assigns to globalThis.__RSC_MANIFEST.
  new Function(fs.readFileSync(file, "utf8"))();
  return Object.values(globalThis.__RSC_MANIFEST)[0];
}

const build = JSON.parse(fs.readFileSync(path.join(next, "build-manifest.json"), "utf8"));
const sum = (files, key) => [...files].reduce((n, f) => n + sizeOf(f)[key], 0);
const kib = (bytes) => Math.round((bytes / 1024) * 10) / 10;

const results = [];
for (const [route, appPath] of pages) {
  const manifest = manifestOf(appPath);
  if (!manifest) continue;
  const first = new Set(build.rootMainFiles.map(normalise));
  const css = new Set();
  for (const files of Object.values(manifest.entryJSFiles ?? {}))
    for (const f of files) first.add(normalise(f));
  for (const mod of Object.values(manifest.clientModules ?? {}))
    for (const f of mod.chunks ?? []) first.add(normalise(f));
  for (const files of Object.values(manifest.entryCSSFiles ?? {}))
    for (const f of files) css.add(normalise(typeof f === "string" ? f : f.path));
  const later = reachable(first, first);
  const laterJs = [...later].filter((f) => f.endsWith(".js"));
  const laterCss = [...later].filter((f) => f.endsWith(".css"));
  const mapLibreFirst = [...first].filter(isMapLibre);
  const mapLibreLater = laterJs.filter(isMapLibre);
  const mapLibreGzip = sum([...mapLibreFirst, ...mapLibreLater], "gzip");
  results.push({
    route,
    firstLoadJs: { files: first.size, raw: sum(first, "raw"), gzip: sum(first, "gzip") },
    firstLoadCss: { raw: sum(css, "raw"), gzip: sum(css, "gzip") },
    afterIdleJs: { files: laterJs.length, raw: sum(laterJs, "raw"), gzip: sum(laterJs, "gzip") },
    afterIdleCss: { raw: sum(laterCss, "raw"), gzip: sum(laterCss, "gzip") },
    mapLibreInFirstLoad: mapLibreFirst.length > 0,
    mapLibreGzip,
    // Same run, same build: the first load with MapLibre loaded alongside the page.
    baselineFirstLoadGzip: sum(first, "gzip") + (mapLibreFirst.length ? 0 : sum(mapLibreLater, "gzip")),
  });
}

/** The home page in Debian's Chromium (the e2e suite's flags, kept in step by hand). */
async function inBrowser(base) {
  const runsPerDevice = Number(process.env.RUNS ?? 5);
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--use-angle=swiftshader",
      "--enable-unsafe-swiftshader",
      "--ignore-gpu-blocklist",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const devices = {
    phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    desktop: { viewport: { width: 1280, height: 800 } },
  };
  const runs = [];
  try {
    for (const [device, options] of Object.entries(devices)) {
      // A first visit warms the server's compiled page; each measured one starts with an empty cache.
      const measuredRuns = [];
      for (let run = 0; run <= runsPerDevice; run++) {
        const measured = run > 0;
        const context = await browser.newContext(options);
        const page = await context.newPage();
        await page.goto(`${base}/`, { waitUntil: "load" });
        await page.waitForSelector('.map-section[data-state="ready"]', { timeout: 60_000 });
        const figures = await page.evaluate(() => {
          const [nav] = performance.getEntriesByType("navigation");
          const load = nav.loadEventStart;
          const paint = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null;
          const scripts = performance
            .getEntriesByType("resource")
            .filter((e) => /\/_next\/static\/chunks\/.+\.js$/.test(e.name));
          const bytes = (list) => list.reduce((n, e) => n + e.encodedBodySize, 0);
          const mapLibre = scripts.reduce(
            (a, b) => (b.decodedBodySize > (a?.decodedBodySize ?? 0) ? b : a),
            null,
          );
          return {
            jsByLoad: bytes(scripts.filter((e) => e.responseEnd <= load)),
            jsWhenDrawn: bytes(scripts),
            load,
            paint,
            mapLibreStart: mapLibre && mapLibre.decodedBodySize > 500_000 ? mapLibre.startTime : null,
          };
        });
        await context.close();
        if (measured) measuredRuns.push(figures);
      }
      const median = (key) => {
        const values = measuredRuns
          .map((r) => r[key])
          .filter((v) => v !== null)
          .sort((a, b) => a - b);
        return values.length ? values[Math.floor(values.length / 2)] : null;
      };
      runs.push({
        device,
        runs: measuredRuns.length,
        ...Object.fromEntries(
          ["jsByLoad", "jsWhenDrawn", "load", "paint", "mapLibreStart"].map((k) => [k, median(k)]),
        ),
      });
    }
  } finally {
    await browser.close();
  }
  return runs;
}

const browserRuns = process.env.BASE_URL ? await inBrowser(process.env.BASE_URL.replace(/\/$/, "")) : [];

const outDir = path.join(root, "bench", "results");
const at = new Date().toISOString();
if (label) {
  fs.writeFileSync(
    path.join(outDir, `map-pages-light-${label}.json`),
    `${JSON.stringify({ at, label, results, browser: browserRuns }, null, 2)}\n`,
  );
  console.info(`wrote bench/results/map-pages-light-${label}.json`);
} else {
  const mainFile = path.join(outDir, "map-pages-light-main.json");
  const main = fs.existsSync(mainFile) ? JSON.parse(fs.readFileSync(mainFile, "utf8")) : null;
  const before = (route) => main?.results.find((r) => r.route === route);
  const lines = [
    `JavaScript per page, from the build (${at}; gzip level 6, KiB)`,
    "",
    "First load: the chunks the page's HTML loads before it hydrates. After idle: what it can load",
    "on demand later (MapLibre on the map pages, once the map is on screen and the browser is idle).",
    "Baseline, same run and build: the first load with MapLibre loaded alongside the page.",
    main ? `Main: the same measure of main's build (${main.at}, map-pages-light-main.json).` : "",
    "",
    `| page | first-load JS gz | CSS gz | after-idle JS gz | MapLibre gz | baseline first load gz | first load / baseline |${main ? " main first-load JS gz | main CSS gz | main after-idle gz |" : ""}`,
    `|---|---|---|---|---|---|---|${main ? "---|---|---|" : ""}`,
    ...results.map((r) => {
      const b = before(r.route);
      const cells = [
        r.route,
        kib(r.firstLoadJs.gzip),
        kib(r.firstLoadCss.gzip),
        kib(r.afterIdleJs.gzip),
        r.mapLibreGzip ? `${kib(r.mapLibreGzip)}${r.mapLibreInFirstLoad ? " (in first load)" : ""}` : "—",
        kib(r.baselineFirstLoadGzip),
        (r.firstLoadJs.gzip / r.baselineFirstLoadGzip).toFixed(2),
        ...(main
          ? [
              b ? kib(b.firstLoadJs.gzip) : "—",
              b ? kib(b.firstLoadCss.gzip) : "—",
              b ? kib(b.afterIdleJs.gzip) : "—",
            ]
          : []),
      ];
      return `| ${cells.join(" | ")} |`;
    }),
    "",
    ...(browserRuns.length
      ? [
          "The home page in Chromium (median of RUNS (5) cold visits per device; KiB as sent, ms from navigation; main: its build, same script):",
          "",
          "| device | JS by the load event | JS once the map is drawn | first contentful paint | load event | MapLibre asked for |",
          "|---|---|---|---|---|---|",
          ...[
            ...browserRuns,
            ...(main?.browser ?? []).map((r) => ({ ...r, device: `${r.device} (main)` })),
          ].map(
            (r) =>
              `| ${r.device} | ${kib(r.jsByLoad)} | ${kib(r.jsWhenDrawn)} | ${Math.round(r.paint ?? 0)} | ${Math.round(r.load)} | ${r.mapLibreStart === null ? "—" : Math.round(r.mapLibreStart)} |`,
          ),
          "",
        ]
      : []),
  ];
  fs.writeFileSync(path.join(outDir, "map-pages-light.md"), lines.join("\n"));
  fs.writeFileSync(
    path.join(outDir, "map-pages-light.json"),
    `${JSON.stringify({ at, results, browser: browserRuns }, null, 2)}\n`,
  );
  console.info(lines.join("\n"));
}
