"use client";

import { useEffect, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { GeoJSONSource, LngLat, Map as MapLibreMap, MapGeoJSONFeature, Marker } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import { permitColour, statusGroupColours } from "@/lib/map/style";
import { addAreaOverlay, createBaseMap } from "./create-map";
import { addReportShapeLayers } from "./report-shape-layers";
import { ReportsWithoutMap } from "./ReportsWithoutMap";
import { useWebGL } from "./webgl-support";
import { MAX_BBOX_SQUARE_DEGREES } from "@/lib/geo/bbox-limits";
import { MAX_CLUSTER_ZOOM } from "@/lib/tiles/tile-grid";
import { STATUS_SHAPE_BOX, statusShapePaths } from "@/lib/map/status-shapes";
import { statusGroups } from "@/lib/workflow/states";

type Props = {
  municipalityCode: string;
  bbox: [number, number, number, number];
  label: string;
  styleUrl: string;
  styleTimeoutMs: number;
  /** The filters as query parameters, passed on to the data request. */
  filterQuery?: string;
  /** "lng,lat,zoom" from the page's URL: where the map opens. */
  initialView?: string | null;
  /** Category names by service code, for popups (tiles carry only the code). */
  categoryNames?: Record<string, string>;
};

type ListedReport = { code: string; categoryName: string; status: string; createdAt: string };

/** Parses "lng,lat,zoom"; anything else means "fit the municipality". */
function parseView(view: string | null | undefined): { center: [number, number]; zoom: number } | null {
  const parts = (view ?? "").split(",").map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [lng, lat, zoom] = parts as [number, number, number];
  if (Math.abs(lng) > 180 || Math.abs(lat) > 85 || zoom < 0 || zoom > 22) return null;
  return { center: [lng, lat], zoom };
}

const LIST_LIMIT = 50;

type Summary =
  | { kind: "loading" }
  | { kind: "shown"; reports: number; permits: number; truncated: boolean; limit: number }
  | { kind: "tooLarge" }
  | { kind: "error" };

const emptyCollection = { type: "FeatureCollection" as const, features: [] };

/**
 * The public map: municipal boundary and districts, permitted works sites and reports coloured
 * by status group, loaded for the visible area whenever the map stops moving.
 */
export function ReportsMap({
  municipalityCode,
  bbox,
  label,
  styleUrl,
  styleTimeoutMs,
  filterQuery = "",
  initialView,
  categoryNames = {},
}: Props) {
  const t = useTranslations();
  const format = useFormatter();
  const container = useRef<HTMLDivElement>(null);
  const [summary, setSummary] = useState<Summary>({ kind: "loading" });
  const [fallback, setFallback] = useState(false);
  const [ready, setReady] = useState(false);
  // Completed data loads, so that a test (or a screen reader hint) can tell a new view has been drawn.
  const [loads, setLoads] = useState(0);
  const [listed, setListed] = useState<ListedReport[]>([]);
  const [showPermits, setShowPermits] = useState(true);
  const webgl = useWebGL();
  const mapRef = useRef<MapLibreMap | null>(null);
  const texts = useRef({ t, format, categoryNames });
  useEffect(() => {
    texts.current = { t, format, categoryNames };
  });

  useEffect(() => {
    let map: MapLibreMap | undefined;
    let maplibregl: typeof import("maplibre-gl");
    let cancelled = false;
    let requestSeq = 0;
    const markers = new Map<string, Marker>();

    async function refresh(current: MapLibreMap) {
      const seq = ++requestSeq;
      setReady(false);
      const b = current.getBounds();
      const west = Math.max(-180, b.getWest());
      const east = Math.min(180, b.getEast());
      const south = Math.max(-90, b.getSouth());
      const north = Math.min(90, b.getNorth());
      if ((east - west) * (north - south) > MAX_BBOX_SQUARE_DEGREES) {
        setSummary({ kind: "tooLarge" });
        return;
      }
      const query = `bbox=${[west, south, east, north].map((v) => v.toFixed(6)).join(",")}${filterQuery ? `&${filterQuery}` : ""}`;
      try {
        const [reports, permits] = await Promise.all([
          fetch(`/api/reports?${query}`).then(okJson),
          fetch(`/api/permits?${query}`).then(okJson),
        ]);
        if (cancelled || seq !== requestSeq) return;
        (current.getSource("permits") as GeoJSONSource).setData(permits);
        setListed(
          reports.features.map((f: { properties: ListedReport }) => ({
            code: f.properties.code,
            categoryName: f.properties.categoryName,
            status: f.properties.status,
            createdAt: f.properties.createdAt,
          })),
        );
        setSummary({
          kind: "shown",
          reports: reports.features.length,
          permits: permits.features.length,
          truncated: Boolean(reports.truncated),
          limit: Number(reports.limit),
        });
        current.once("idle", () => {
          if (cancelled) return;
          showClusterCounts(current, markers, maplibregl);
          setReady(true);
          setLoads((n) => n + 1);
        });
      } catch {
        if (!cancelled && seq === requestSeq) setSummary({ kind: "error" });
      }
    }

    (async () => {
      if (!container.current) return;
      const view = parseView(initialView);
      const created = await createBaseMap({
        container: container.current,
        ...(view ? { center: view.center, zoom: view.zoom } : { bounds: bbox }),
        styleUrl,
        styleTimeoutMs,
        label,
        t: (key) => texts.current.t(key as never),
      });
      const { map: current } = created;
      maplibregl = created.maplibregl;
      if (cancelled) {
        current.remove();
        return;
      }
      map = current;
      mapRef.current = current;
      setFallback(created.fallback);
      (window as unknown as { civicMap?: MapLibreMap }).civicMap = current;

      current.on("load", async () => {
        try {
          await addAreaOverlay(current, municipalityCode);
        } catch {
          if (!cancelled) setSummary({ kind: "error" });
        }
        addDataLayers(current, filterQuery);
        await refresh(current);
      });
      let timer: ReturnType<typeof setTimeout> | undefined;
      current.on("moveend", () => {
        // The view goes into the URL, so the map as seen can be linked to.
        const c = current.getCenter();
        const url = new URL(window.location.href);
        url.searchParams.set("at", `${c.lng.toFixed(5)},${c.lat.toFixed(5)},${current.getZoom().toFixed(2)}`);
        // Commas stay readable in a shared link.
        url.search = url.searchParams.toString().replace(/%2C/g, ",");
        window.history.replaceState(window.history.state, "", url);
        clearTimeout(timer);
        timer = setTimeout(() => void refresh(current), 250);
      });

      const popup = new maplibregl.Popup({ closeButton: true, maxWidth: "280px" });
      const showPopup = (feature: MapGeoJSONFeature, lngLat: LngLat) => {
        popup.setLngLat(lngLat).setDOMContent(popupContent(feature, texts.current)).addTo(current);
      };
      // A cluster opens up: zoom in on it.
      current.on("click", "report-clusters", (e) => {
        const feature = e.features?.[0];
        if (feature) current.easeTo({ center: e.lngLat, zoom: Math.min(current.getZoom() + 2, 14) });
      });
      current.on("mouseenter", "report-clusters", () => (current.getCanvas().style.cursor = "zoom-in"));
      current.on("mouseleave", "report-clusters", () => (current.getCanvas().style.cursor = ""));
      for (const layer of ["reports", "permits-fill"]) {
        current.on("click", layer, (e) => {
          const feature = e.features?.[0];
          if (feature) showPopup(feature, e.lngLat);
        });
        current.on("mouseenter", layer, () => (current.getCanvas().style.cursor = "pointer"));
        current.on("mouseleave", layer, () => (current.getCanvas().style.cursor = ""));
      }
    })();

    return () => {
      cancelled = true;
      map?.remove();
      mapRef.current = null;
    };
    // The initial view is read once; later moves write it, they do not re-create the map.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [municipalityCode, bbox, label, styleUrl, styleTimeoutMs, filterQuery]);

  // The works layer can be hidden (its data still loads, so the count stays right).
  useEffect(() => {
    const current = mapRef.current;
    if (!current) return;
    const apply = () => {
      for (const id of ["permits-fill", "permits-line"]) {
        if (current.getLayer(id))
          current.setLayoutProperty(id, "visibility", showPermits ? "visible" : "none");
      }
    };
    if (current.isStyleLoaded()) apply();
    else current.once("idle", apply);
  }, [showPermits, ready]);

  if (!webgl) {
    return <ReportsWithoutMap municipalityCode={municipalityCode} bbox={bbox} filterQuery={filterQuery} />;
  }
  return (
    <div
      className="map-section"
      data-state={ready ? "ready" : "loading"}
      data-loads={loads}
      data-basemap={fallback ? "fallback" : "remote"}
    >
      <label className="choice permits-toggle">
        <input
          type="checkbox"
          checked={showPermits}
          onChange={(e) => setShowPermits(e.target.checked)}
          data-testid="permits-toggle"
        />
        <span>{t("home.showPermits")}</span>
      </label>
      {/* MapLibre makes its canvas the focusable, labelled region (Map.Title below). */}
      <div ref={container} className="map" />
      <p className="map-status" aria-live="polite">
        {summary.kind === "loading" && t("home.loading")}
        {summary.kind === "shown" && t("home.shown", { reports: summary.reports, permits: summary.permits })}
        {summary.kind === "shown" && summary.truncated && (
          <> {t("home.truncated", { limit: summary.limit })}</>
        )}
        {summary.kind === "tooLarge" && t("errors.bboxTooLarge")}
        {summary.kind === "error" && t("home.loadError")}
      </p>
      {fallback ? <p className="map-note">{t("home.fallbackBasemap")}</p> : null}
      <section className="report-list" aria-labelledby="report-list-title" role="region">
        <h2 id="report-list-title">{t("list.title")}</h2>
        {summary.kind === "shown" && listed.length === 0 ? <p>{t("list.empty")}</p> : null}
        <ul>
          {listed.slice(0, LIST_LIMIT).map((r) => (
            <li key={r.code}>
              <a href={`/reports/${r.code}`}>
                {t("list.item", {
                  category: r.categoryName,
                  status: t(`status.${r.status}` as never),
                  date: format.dateTime(new Date(r.createdAt), { dateStyle: "medium" }),
                })}
              </a>
            </li>
          ))}
        </ul>
        {listed.length > LIST_LIMIT ? (
          <p className="hint">{t("list.more", { shown: LIST_LIMIT, total: listed.length })}</p>
        ) : null}
      </section>
    </div>
  );
}

async function okJson(response: Response) {
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

/** Cluster counts as HTML labels (the maps carry no fonts); the text list is the accessible version. */
function showClusterCounts(
  map: MapLibreMap,
  markers: Map<string, Marker>,
  maplibregl: typeof import("maplibre-gl"),
) {
  const seen = new Set<string>();
  const clusters =
    map.getZoom() <= MAX_CLUSTER_ZOOM + 1 ? map.queryRenderedFeatures({ layers: ["report-clusters"] }) : [];
  for (const feature of clusters.slice(0, 400)) {
    const [lng, lat] = (feature.geometry as unknown as { coordinates: [number, number] }).coordinates;
    const count = Number(feature.properties.count);
    const key = `${lng.toFixed(5)},${lat.toFixed(5)},${count}`;
    seen.add(key);
    if (markers.has(key)) continue;
    const element = document.createElement("span");
    element.className = "cluster-count";
    element.setAttribute("aria-hidden", "true");
    element.textContent = count > 999 ? `${Math.round(count / 100) / 10}k` : String(count);
    markers.set(key, new maplibregl.Marker({ element }).setLngLat([lng, lat]).addTo(map));
  }
  for (const [key, marker] of markers) {
    if (seen.has(key)) continue;
    marker.remove();
    markers.delete(key);
  }
}

/**
 * Reports come as vector tiles (clusters with counts up to zoom 13, single reports from 14 on),
 * with the page's filters in the tile URL; works sites are a small GeoJSON overlay.
 */
function addDataLayers(map: MapLibreMap, filterQuery: string) {
  map.addSource("permits", { type: "geojson", data: emptyCollection });
  map.addSource("report-tiles", {
    type: "vector",
    tiles: [
      `${window.location.origin}/api/tiles/reports/{z}/{x}/{y}.mvt${filterQuery ? `?${filterQuery}` : ""}`,
    ],
    minzoom: 0,
    maxzoom: 16,
  });
  map.addLayer({
    id: "permits-fill",
    type: "fill",
    source: "permits",
    paint: { "fill-color": permitColour, "fill-opacity": 0.3 },
  });
  map.addLayer({
    id: "permits-line",
    type: "line",
    source: "permits",
    paint: { "line-color": permitColour, "line-width": 1.5 },
  });
  addReportShapeLayers(map, filterQuery);
  map.addLayer({
    id: "report-clusters",
    type: "circle",
    source: "report-tiles",
    "source-layer": "clusters",
    maxzoom: MAX_CLUSTER_ZOOM + 1,
    paint: {
      "circle-radius": ["interpolate", ["linear"], ["get", "count"], 1, 9, 10, 13, 100, 19, 1000, 26],
      // The group with most reports in the cluster gives its colour.
      "circle-color": [
        "case",
        [">=", ["get", "open"], ["max", ["get", "in_progress"], ["get", "resolved"], ["get", "closed"]]],
        statusGroupColours.open,
        [">=", ["get", "in_progress"], ["max", ["get", "resolved"], ["get", "closed"]]],
        statusGroupColours.in_progress,
        [">=", ["get", "resolved"], ["get", "closed"]],
        statusGroupColours.resolved,
        statusGroupColours.closed,
      ],
      "circle-opacity": 0.85,
      "circle-stroke-color": "#ffffff",
      "circle-stroke-width": 2,
    },
  });
  addStatusIcons(map);
  map.addLayer({
    id: "reports",
    type: "symbol",
    source: "report-tiles",
    "source-layer": "reports",
    minzoom: MAX_CLUSTER_ZOOM + 1,
    layout: {
      "icon-image": ["concat", "status-", ["get", "status_group"]],
      "icon-size": ["interpolate", ["linear"], ["zoom"], 12, 0.8, 16, 1.4],
      "icon-allow-overlap": true,
    },
  });
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
    map.addImage(`status-${group}`, context.getImageData(0, 0, size, size), { pixelRatio: scale });
  }
}

type Texts = {
  t: ReturnType<typeof useTranslations>;
  format: ReturnType<typeof useFormatter>;
  categoryNames: Record<string, string>;
};

/** Popup content built from text nodes only: report text never becomes HTML. */
function popupContent(feature: MapGeoJSONFeature, { t, format, categoryNames }: Texts): HTMLElement {
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
    line(t(`statusGroup.${p.status_group}` as never));
    line(t(`popup.age_${p.age}` as never));
    const link = document.createElement("a");
    link.href = `/reports/${encodeURIComponent(String(p.id))}`;
    link.textContent = t("popup.open", { code: String(p.id) });
    root.appendChild(link);
  } else {
    line(t(`permitKind.${p.kind}` as never), "strong");
    line(String(p.works));
    line(
      t("popup.permitValid", {
        from: format.dateTime(new Date(String(p.validFrom)), { dateStyle: "medium" }),
        to: format.dateTime(new Date(String(p.validTo)), { dateStyle: "medium" }),
      }),
    );
    if (p.holder) line(t("popup.holder", { holder: String(p.holder) }));
    line(String(p.reference));
  }
  return root;
}
