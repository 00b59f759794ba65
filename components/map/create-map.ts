"use client";

import type { Map as MapLibreMap } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import { loadBaseStyle } from "@/lib/map/style";

export type MapTexts = (key: string) => string;

/**
 * A MapLibre map on the configured basemap (or the bundled one when it cannot be fetched), with
 * zoom buttons, a scale and MapLibre's own labels in the page's language.
 */
export async function createBaseMap(input: {
  container: HTMLElement;
  bounds?: [number, number, number, number];
  center?: [number, number];
  zoom?: number;
  styleUrl: string;
  styleTimeoutMs: number;
  label: string;
  t: MapTexts;
}): Promise<{ map: MapLibreMap; fallback: boolean; maplibregl: typeof import("maplibre-gl") }> {
  const maplibregl = await import("maplibre-gl");
  // Bundling breaks MapLibre's own worker URL; the app serves the worker file itself.
  maplibregl.setWorkerUrl(await mapWorkerUrl());
  const base = await loadBaseStyle(input.styleUrl, input.styleTimeoutMs);
  const map = new maplibregl.Map({
    container: input.container,
    style: base.style,
    ...(input.bounds ? { bounds: input.bounds, fitBoundsOptions: { padding: 16 } } : {}),
    ...(input.center ? { center: input.center, zoom: input.zoom ?? 16 } : {}),
    attributionControl: { compact: true },
    dragRotate: false,
    locale: {
      "Map.Title": input.label,
      "NavigationControl.ZoomIn": input.t("mapControls.zoomIn"),
      "NavigationControl.ZoomOut": input.t("mapControls.zoomOut"),
      "NavigationControl.ResetBearing": input.t("mapControls.resetBearing"),
      "AttributionControl.ToggleAttribution": input.t("mapControls.toggleAttribution"),
      "Popup.Close": input.t("mapControls.closePopup"),
      "ScaleControl.Meters": "m",
      "ScaleControl.Kilometers": "km",
    },
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
  map.addControl(new maplibregl.ScaleControl({ unit: "metric" }), "bottom-left");
  return { map, fallback: base.fallback, maplibregl };
}

/** The municipal boundary and districts as thin overlay lines (drawn on any basemap). */
export async function addAreaOverlay(map: MapLibreMap, municipalityCode: string): Promise<void> {
  map.addSource("areas", { type: "geojson", data: { type: "FeatureCollection", features: [] } });
  map.addLayer({
    id: "districts-line",
    type: "line",
    source: "areas",
    filter: ["==", ["get", "layer"], "district"],
    paint: { "line-color": "#7b8794", "line-width": 1, "line-dasharray": [3, 2] },
  });
  map.addLayer({
    id: "boundary-line",
    type: "line",
    source: "areas",
    filter: ["==", ["get", "layer"], "boundary"],
    paint: { "line-color": "#1a3d6d", "line-width": 2.5 },
  });
  const response = await fetch(`/api/municipalities/${encodeURIComponent(municipalityCode)}/areas`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const source = map.getSource("areas") as import("maplibre-gl").GeoJSONSource | undefined;
  source?.setData(await response.json());
}

/**
 * Where MapLibre's worker is loaded from. A page under a service worker (the field app) loads it
 * from inside that worker's scope: a dedicated worker is only controlled by a service worker whose
 * scope holds its own URL, and an uncontrolled one fails to load offline ("Worker failed to load")
 * and fetches its tiles past the cache. next.config.mjs serves the file at both addresses.
 */
async function mapWorkerUrl(): Promise<string> {
  const fallback = "/vendor/maplibre-gl-worker.mjs";
  if (typeof navigator === "undefined" || !navigator.serviceWorker?.controller) return fallback;
  const registration = await navigator.serviceWorker.getRegistration().catch(() => undefined);
  if (!registration) return fallback;
  const scope = registration.scope.endsWith("/") ? registration.scope : `${registration.scope}/`;
  return new URL("maplibre-gl-worker.mjs", scope).pathname;
}
