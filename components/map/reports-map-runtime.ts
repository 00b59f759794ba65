"use client";

import type { GeoJSONSource, LngLat, Map as MapLibreMap, MapGeoJSONFeature } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import { statusGroupColours } from "@/lib/map/style";
import { STATUS_SHAPE_BOX, statusShapePaths } from "@/lib/map/status-shapes";
import type { Bounds, MapView } from "@/lib/map/map-view";
import {
  CLUSTER_COUNT_IMAGE,
  clickPriority,
  consultationSource,
  reportLayers,
  reportSources,
  statusIconId,
} from "@/lib/map/report-layers";
import { statusGroups } from "@/lib/workflow/states";
import { addAreaOverlay, createBaseMap } from "./create-map";

export type PopupTexts = {
  t: (key: string, values?: Record<string, string | number>) => string;
  date: (iso: string) => string;
  categoryNames: Record<string, string>;
};

export type ReportsMapInput = {
  container: HTMLElement;
  municipalityCode: string;
  bbox: Bounds;
  initialView: MapView | null;
  label: string;
  styleUrl: string;
  styleTimeoutMs: number;
  filterQuery: string;
  texts: () => PopupTexts;
  /** The map has moved (or opened): its area and view. */
  onView: (bounds: Bounds, view: MapView) => void;
  /** The data for the view is drawn; `permits` works sites in it (null: they could not be loaded). */
  onDrawn: (permits: number | null) => void;
  /** An open consultation's site was selected: open its page (the page's router navigates). */
  onOpenConsultation: (url: string) => void;
};

export type ReportsMapHandle = {
  map: MapLibreMap;
  fallback: boolean;
  setPermitsVisible: (visible: boolean) => void;
  resize: () => void;
  remove: () => void;
};

/**
 * The public map, loaded on demand (mount-reports-map.ts): basemap, boundary and districts, the
 * report layers of lib/map/report-layers.ts, popups, and the works sites of the visible area.
 */
export async function startReportsMap(input: ReportsMapInput): Promise<ReportsMapHandle> {
  const { map, fallback, maplibregl } = await createBaseMap({
    container: input.container,
    ...(input.initialView
      ? { center: input.initialView.center, zoom: input.initialView.zoom }
      : { bounds: input.bbox }),
    styleUrl: input.styleUrl,
    styleTimeoutMs: input.styleTimeoutMs,
    label: input.label,
    t: (key) => input.texts().t(key),
  });
  (window as unknown as { civicMap?: MapLibreMap }).civicMap = map;
  let removed = false;
  let sequence = 0;
  let permitsVisible = true;

  const boundsOf = (): Bounds => {
    const b = map.getBounds();
    return [
      Math.max(-180, b.getWest()),
      Math.max(-90, b.getSouth()),
      Math.min(180, b.getEast()),
      Math.min(90, b.getNorth()),
    ];
  };
  const viewOf = (): MapView => {
    const c = map.getCenter();
    return { center: [c.lng, c.lat], zoom: map.getZoom() };
  };

  async function refresh() {
    const seq = ++sequence;
    const bounds = boundsOf();
    input.onView(bounds, viewOf());
    let permits: number | null = null;
    try {
      const response = await fetch(`/api/permits?bbox=${bounds.map((v) => v.toFixed(6)).join(",")}`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const collection = await response.json();
      if (removed || seq !== sequence) return;
      (map.getSource("permits") as GeoJSONSource | undefined)?.setData(collection);
      permits = collection.features.length;
    } catch {
      if (removed || seq !== sequence) return;
    }
    map.once("idle", () => {
      if (!removed && seq === sequence) input.onDrawn(permits);
    });
  }

  // Count images are made when the map first asks for one (any count, no font server needed).
  // MapLibre 6 waits for this resolver; a "styleimagemissing" listener adds the image too late for
  // the tile that asked, and the counts of a view loaded at once (a phone's) were never drawn.
  map.setMissingStyleImageResolver((id) => {
    if (!id.startsWith(CLUSTER_COUNT_IMAGE) || map.hasImage(id)) return;
    const image = countImage(id.slice(CLUSTER_COUNT_IMAGE.length));
    if (image) map.addImage(id, image.data, { pixelRatio: image.pixelRatio });
  });

  map.on("load", async () => {
    await addAreaOverlay(map, input.municipalityCode).catch(() => undefined);
    if (removed) return;
    for (const [id, source] of Object.entries(
      reportSources({ origin: window.location.origin, filterQuery: input.filterQuery }),
    ))
      map.addSource(id, source);
    map.addSource(
      "consultations",
      consultationSource({ origin: window.location.origin, municipalityCode: input.municipalityCode }),
    );
    addStatusIcons(map);
    for (const layer of reportLayers()) map.addLayer(layer);
    applyPermitsVisibility();
    await refresh();
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  map.on("moveend", () => {
    // Hidden (the list chosen on a phone), the map has no area: the list keeps the last one.
    if (input.container.clientWidth === 0 || input.container.clientHeight === 0) return;
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 250);
  });

  const popup = new maplibregl.Popup({ closeButton: true, maxWidth: "280px" });
  const showPopup = (feature: MapGeoJSONFeature, lngLat: LngLat) =>
    popup.setLngLat(lngLat).setDOMContent(popupContent(feature, input.texts())).addTo(map);
  // One click handler: the click opens what the user sees on top at that spot. Pins and clusters
  // come before the areas under them (an open consultation's site, then a works site); per-layer
  // handlers would all fire for one click and the last to run (a navigation) would win.
  const targets = (point: { x: number; y: number }) => {
    // A finger is less precise than a pointer: the pins answer within a few pixels.
    const r = 6;
    const near: [[number, number], [number, number]] = [
      [point.x - r, point.y - r],
      [point.x + r, point.y + r],
    ];
    const drawn = (layers: string[]) => layers.filter((l) => map.getLayer(l));
    const at = (layers: string[], box: boolean) =>
      map.queryRenderedFeatures(box ? near : [point.x, point.y], { layers: drawn(layers) });
    const exact = at(clickPriority.slice(0, 2), false);
    const pins = exact.length > 0 ? exact : at(clickPriority.slice(0, 2), true);
    if (pins.length > 0) return pins;
    return at(clickPriority.slice(2), false);
  };
  const topmost = (features: MapGeoJSONFeature[]) =>
    clickPriority.map((id) => features.find((f) => f.layer.id === id)).find((f) => f !== undefined);
  map.on("click", (e) => {
    const feature = topmost(targets(e.point));
    if (!feature) return;
    if (feature.layer.id === "report-clusters") {
      // A cluster opens up: zoom in on it.
      map.easeTo({ center: e.lngLat, zoom: Math.min(map.getZoom() + 2, 14) });
    } else if (feature.layer.id === "consultations-fill") {
      const id = feature.properties?.id;
      if (id !== undefined && id !== null)
        input.onOpenConsultation(`/consultations/${encodeURIComponent(String(id))}`);
    } else showPopup(feature, e.lngLat);
  });
  map.on("mousemove", (e) => {
    const feature = topmost(targets(e.point));
    map.getCanvas().style.cursor = !feature
      ? ""
      : feature.layer.id === "report-clusters"
        ? "zoom-in"
        : "pointer";
  });

  function applyPermitsVisibility() {
    for (const id of ["permits-fill", "permits-line"])
      if (map.getLayer(id)) map.setLayoutProperty(id, "visibility", permitsVisible ? "visible" : "none");
  }

  return {
    map,
    fallback,
    setPermitsVisible(visible) {
      permitsVisible = visible;
      applyPermitsVisibility();
    },
    resize: () => map.resize(),
    remove() {
      removed = true;
      clearTimeout(timer);
      map.remove();
      const holder = window as unknown as { civicMap?: MapLibreMap };
      if (holder.civicMap === map) delete holder.civicMap;
    },
  };
}

/** A cluster's count as an image: white bold figures with a dark edge, at twice the pixel density. */
function countImage(label: string): { data: ImageData; pixelRatio: number } | null {
  const pixelRatio = 2;
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d");
  if (!context) return null;
  const font = `700 ${12 * pixelRatio}px system-ui, sans-serif`;
  context.font = font;
  const width = Math.ceil(context.measureText(label).width) + 4 * pixelRatio;
  const height = 16 * pixelRatio;
  canvas.width = width;
  canvas.height = height;
  context.font = font;
  context.textAlign = "center";
  context.textBaseline = "middle";
  context.lineJoin = "round";
  context.lineWidth = 3 * pixelRatio;
  context.strokeStyle = "rgba(0, 0, 0, 0.55)";
  context.strokeText(label, width / 2, height / 2);
  context.fillStyle = "#ffffff";
  context.fillText(label, width / 2, height / 2);
  return { data: context.getImageData(0, 0, width, height), pixelRatio };
}

/** A shape per status group, in its colour with a white edge, drawn once into the map's images. */
function addStatusIcons(map: MapLibreMap) {
  const scale = 2;
  const size = (STATUS_SHAPE_BOX + 4) * scale;
  for (const group of statusGroups) {
    const canvas = document.createElement("canvas");
    canvas.width = size;
    canvas.height = size;
    const context = canvas.getContext("2d");
    if (!context) continue;
    context.scale(scale, scale);
    context.translate(2, 2);
    const shape = new Path2D(statusShapePaths[group]);
    context.fillStyle = statusGroupColours[group];
    context.strokeStyle = "#ffffff";
    context.lineWidth = 1.5;
    context.fill(shape);
    context.stroke(shape);
    map.addImage(statusIconId(group), context.getImageData(0, 0, size, size), { pixelRatio: scale });
  }
}

/** Popup content built from text nodes only: report text never becomes HTML. */
function popupContent(feature: MapGeoJSONFeature, { t, date, categoryNames }: PopupTexts): HTMLElement {
  const root = document.createElement("div");
  root.className = "map-popup";
  const line = (text: string, tag: "strong" | "span" = "span") => {
    const el = document.createElement(tag);
    el.textContent = text;
    root.appendChild(el);
  };
  const p = feature.properties as Record<string, string | number | null>;
  if (feature.layer.id === "reports") {
    line(categoryNames[String(p.category)] ?? String(p.category), "strong");
    line(t(`statusGroup.${p.status_group}`));
    line(t(`popup.age_${p.age}`));
    const link = document.createElement("a");
    link.href = `/reports/${encodeURIComponent(String(p.id))}`;
    link.textContent = t("popup.open", { code: String(p.id) });
    root.appendChild(link);
  } else {
    line(t(`permitKind.${p.kind}`), "strong");
    line(String(p.works));
    line(t("popup.permitValid", { from: date(String(p.validFrom)), to: date(String(p.validTo)) }));
    if (p.holder) line(t("popup.holder", { holder: String(p.holder) }));
    line(String(p.reference));
  }
  return root;
}
