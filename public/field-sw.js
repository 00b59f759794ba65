/*
 * The field app's service worker (scope /staff/field). It keeps what the app needs to open and show
 * its map with no connection: the page itself, the scripts and styles it was built from, the map's
 * style, tiles and municipal areas. The crew's reports and their waiting changes live in IndexedDB,
 * kept by the page; this worker never stores an API answer about reports.
 */
const VERSION = "v2";
const SHELL = `field-shell-${VERSION}`;
const MAP = `field-map-${VERSION}`;
const MAX_MAP_ENTRIES = 3000;
const PAGE = "/staff/field";
// MapLibre's worker, served inside this scope so that this service worker controls it.
const MAP_WORKER = "/staff/field/maplibre-gl-worker.mjs";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) =>
        cache.addAll([
          PAGE,
          "/staff/field/manifest.webmanifest",
          "/vendor/maplibre-gl-worker.mjs",
          MAP_WORKER,
        ]),
      )
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith("field-") && k !== SHELL && k !== MAP).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

/** Where a request belongs: the app shell, the map, or nowhere (answered by the network only). */
function kindOf(url, request) {
  if (request.method !== "GET") return null;
  if (request.mode === "navigate")
    return url.origin === self.location.origin && url.pathname === PAGE ? "page" : null;
  if (url.origin === self.location.origin) {
    // The manifest follows the crew's language: fetched fresh when possible.
    if (url.pathname === "/staff/field/manifest.webmanifest") return "fresh";
    if (url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/vendor/")) return "shell";
    if (url.pathname === MAP_WORKER) return "shell";
    if (url.pathname.startsWith("/icons/")) return "shell";
    if (url.pathname.startsWith("/api/tiles/") || /^\/api\/municipalities\/[^/]+\/areas$/.test(url.pathname))
      return "map";
    if (url.pathname.startsWith("/api/staff/attachments/")) return "map";
    return null;
  }
  // The basemap's style, sprites, glyphs and tiles from the configured tile server.
  return "map";
}

async function trim(cache) {
  const keys = await cache.keys();
  for (let i = 0; i < keys.length - MAX_MAP_ENTRIES; i++) await cache.delete(keys[i]);
}

/** The network first (fresh data when there is a connection), the stored copy when there is none. */
async function networkFirst(request, cacheName, key) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) {
      await cache.put(key ?? request, response.clone());
      if (cacheName === MAP) await trim(cache);
    }
    return response;
  } catch (error) {
    const stored = await cache.match(key ?? request, { ignoreVary: true });
    if (stored) return stored;
    throw error;
  }
}

/**
 * Stores the page in the crew's language. The copy taken at install time is rendered for whatever
 * language that request happened to negotiate; asked by the page, the worker fetches it again with
 * the page's own language in the address (`?lang=`), so an offline reload keeps the language.
 */
async function keepPage(lang) {
  if (!/^(sr-Latn|sr-Cyrl|en)$/.test(lang)) return;
  try {
    const response = await fetch(`${PAGE}?lang=${lang}`, { credentials: "same-origin" });
    if (response.ok && !response.redirected) await (await caches.open(SHELL)).put(PAGE, response);
  } catch {
    // Offline: the stored copy stays until the next visit with a connection.
  }
}

/** Built files never change under their name: the stored copy first. */
async function cacheFirst(request) {
  const cache = await caches.open(SHELL);
  const stored = await cache.match(request);
  if (stored) return stored;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  const kind = kindOf(url, event.request);
  if (kind === "page") event.respondWith(networkFirst(event.request, SHELL, PAGE));
  else if (kind === "fresh") event.respondWith(networkFirst(event.request, SHELL));
  else if (kind === "shell") event.respondWith(cacheFirst(event.request));
  else if (kind === "map") event.respondWith(networkFirst(event.request, MAP));
});

/** The page asks for files to keep (what it loaded before this worker took over; tiles around the work). */
self.addEventListener("message", (event) => {
  const data = event.data;
  if (data && data.type === "keepPage" && typeof data.lang === "string") {
    event.waitUntil(keepPage(data.lang));
    return;
  }
  if (!data || data.type !== "keep" || !Array.isArray(data.urls)) return;
  event.waitUntil(
    (async () => {
      let kept = 0;
      for (const raw of data.urls.slice(0, 2000)) {
        const url = new URL(raw, self.location.origin);
        const request = new Request(url.href, {
          credentials: url.origin === self.location.origin ? "same-origin" : "omit",
        });
        const kind = kindOf(url, request);
        if (kind === null) continue;
        const cache = await caches.open(kind === "map" ? MAP : SHELL);
        if (kind === "page") continue;
        if (await cache.match(request)) {
          kept++;
          continue;
        }
        try {
          const response = await fetch(request);
          if (response.ok) {
            await cache.put(request, response);
            kept++;
          }
        } catch {
          // Offline again: the rest is fetched the next time the page asks.
        }
      }
      event.source?.postMessage({ type: "kept", kept, asked: data.urls.length });
    })(),
  );
});
