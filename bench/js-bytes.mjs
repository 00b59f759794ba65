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
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const next = path.join(root, ".next");
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

const outDir = path.join(root, "bench", "results");
const at = new Date().toISOString();
if (label) {
  fs.writeFileSync(
    path.join(outDir, `map-pages-light-${label}.json`),
    `${JSON.stringify({ at, label, results }, null, 2)}\n`,
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
  ];
  fs.writeFileSync(path.join(outDir, "map-pages-light.md"), lines.join("\n"));
  fs.writeFileSync(
    path.join(outDir, "map-pages-light.json"),
    `${JSON.stringify({ at, results }, null, 2)}\n`,
  );
  console.info(lines.join("\n"));
}
