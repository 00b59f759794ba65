"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { GeoJSONSource } from "maplibre-gl";
import { useOverlayMap } from "@/components/map/use-overlay-map";
import { MapUnavailable } from "@/components/map/MapUnavailable";
import { useWebGL } from "@/components/map/webgl-support";
import type { AnalyticsLayer } from "@/lib/analytics/filters";
import { formatChange } from "./format-change";
import { legendRamp, MapLegend } from "./MapLegend";

export type HotspotItem = {
  rank: number;
  reports: number;
  previousReports: number;
  trend: number | null;
  centre: [number, number];
  bbox: [number, number, number, number];
  categories: Array<{ code: string; name: string; reports: number }>;
};

type LayerData = {
  type: "FeatureCollection";
  features: Array<{ type: "Feature"; geometry: unknown; properties: Record<string, string | number | null> }>;
  layer: AnalyticsLayer;
  cellMetres: number | null;
  max: number;
};

const layers: AnalyticsLayer[] = ["choropleth", "hexagons", "heatmap"];
const ramp = legendRamp;

/**
 * The analytics map: districts shaded by their counts, hexagon density or a heatmap, all
 * aggregated on the server for the current filters (`query`); the hotspots beside it zoom the
 * map when chosen. The chosen layer is kept in the page's URL.
 */
export function AnalyticsMap({
  query,
  initialLayer,
  hotspots,
  municipalityCode,
  bbox,
}: {
  query: string;
  initialLayer: AnalyticsLayer;
  hotspots: HotspotItem[];
  municipalityCode: string;
  bbox: [number, number, number, number];
}) {
  const t = useTranslations("analytics");
  const container = useRef<HTMLDivElement>(null);
  const [layer, setLayer] = useState<AnalyticsLayer>(initialLayer);
  const [perCapita, setPerCapita] = useState(false);
  const [ready, setReady] = useState(false);
  const [data, setData] = useState<LayerData | null>(null);
  const [failed, setFailed] = useState(false);
  const [zoom, setZoom] = useState<number | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const webgl = useWebGL();
  const mapRef = useOverlayMap({
    container,
    municipalityCode,
    bbox,
    labelKey: "analytics.mapLabel",
    onLoad: (map) => {
      map.addSource("analytics", { type: "geojson", data: { type: "FeatureCollection", features: [] } });
      map.addSource("hotspots", { type: "geojson", data: { type: "FeatureCollection", features: [] } });
      map.addLayer({
        id: "analytics-fill",
        type: "fill",
        source: "analytics",
        paint: { "fill-opacity": 0.7, "fill-color": ramp[0]! },
      });
      map.addLayer({
        id: "analytics-outline",
        type: "line",
        source: "analytics",
        paint: { "line-color": "#7f2704", "line-width": 0.5, "line-opacity": 0.6 },
      });
      map.addLayer({
        id: "analytics-heat",
        type: "heatmap",
        source: "analytics",
        paint: { "heatmap-radius": 24, "heatmap-opacity": 0.8 },
      });
      map.addLayer({
        id: "hotspots",
        type: "circle",
        source: "hotspots",
        paint: {
          // Sized by the hotspot's count against the largest (10–26 px), a little larger when chosen.
          "circle-radius": [
            "+",
            ["interpolate", ["linear"], ["get", "share"], 0, 10, 1, 26],
            ["case", ["get", "selected"], 3, 0],
          ],
          "circle-color": "rgba(0,0,0,0)",
          "circle-stroke-color": ["case", ["get", "selected"], "#c5221f", "#1a3d6d"],
          "circle-stroke-width": 3,
        },
      });
      map.on("moveend", () => setZoom(Math.round(map.getZoom())));
      setZoom(Math.round(map.getZoom()));
      setReady(true);
    },
  });

  // The layer's data: districts do not depend on the zoom; hexagons and heat cells are sized by it.
  const zoomKey = layer === "choropleth" ? 0 : zoom;
  useEffect(() => {
    if (!ready || zoomKey === null) return;
    const controller = new AbortController();
    const params = new URLSearchParams(query);
    params.set("layer", layer);
    params.set("zoom", String(zoomKey || 12));
    fetch(`/api/staff/analytics/map?${params}`, { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        setData((await response.json()) as LayerData);
        setFailed(false);
      })
      .catch((err: unknown) => {
        if ((err as Error).name !== "AbortError") setFailed(true);
      });
    return () => controller.abort();
  }, [ready, layer, zoomKey, query]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !data) return;
    (map.getSource("analytics") as GeoJSONSource | undefined)?.setData(
      data as unknown as GeoJSON.FeatureCollection,
    );
    const measure = data.layer === "choropleth" && perCapita ? "per1000" : "reports";
    const max =
      data.layer === "choropleth" && perCapita
        ? Math.max(0, ...data.features.map((f) => Number(f.properties.per1000 ?? 0)))
        : data.max;
    const top = Math.max(max, 1);
    const fill = [
      "interpolate",
      ["linear"],
      ["coalesce", ["get", measure], 0],
      0,
      ramp[0],
      top * 0.25,
      ramp[1],
      top * 0.5,
      ramp[2],
      top * 0.75,
      ramp[3],
      top,
      ramp[4],
    ];
    map.setPaintProperty("analytics-fill", "fill-color", fill as never);
    map.setLayoutProperty("analytics-fill", "visibility", data.layer === "heatmap" ? "none" : "visible");
    map.setLayoutProperty("analytics-outline", "visibility", data.layer === "heatmap" ? "none" : "visible");
    map.setLayoutProperty("analytics-heat", "visibility", data.layer === "heatmap" ? "visible" : "none");
    // The district overlay's grey dashes follow the full-detail district lines, the shaded districts a
    // simplified outline: on the district layer they drew a second outline beside the first.
    if (map.getLayer("districts-line"))
      map.setLayoutProperty("districts-line", "visibility", data.layer === "choropleth" ? "none" : "visible");
    map.setPaintProperty("analytics-heat", "heatmap-weight", ["/", ["get", "reports"], top] as never);
  }, [data, ready, perCapita, mapRef]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const most = Math.max(1, ...hotspots.map((h) => h.reports));
    (map.getSource("hotspots") as GeoJSONSource | undefined)?.setData({
      type: "FeatureCollection",
      features: hotspots.map((h) => ({
        type: "Feature",
        properties: { rank: h.rank, selected: h.rank === selected, share: h.reports / most },
        geometry: { type: "Point", coordinates: h.centre },
      })),
    });
    // The rank on each ring, as HTML (the basemap may have no fonts for map labels); the list is the accessible version.
    let stale = false;
    const markers: Array<{ remove: () => void }> = [];
    void import("maplibre-gl").then((maplibregl) => {
      if (stale) return;
      for (const h of hotspots) {
        const label = document.createElement("span");
        label.className = "hotspot-label";
        label.textContent = String(h.rank);
        label.setAttribute("aria-hidden", "true");
        markers.push(new maplibregl.Marker({ element: label }).setLngLat(h.centre).addTo(map));
      }
    });
    return () => {
      stale = true;
      for (const m of markers) m.remove();
    };
  }, [hotspots, selected, ready, mapRef]);

  const chooseLayer = (next: AnalyticsLayer) => {
    setLayer(next);
    const url = new URL(window.location.href);
    url.searchParams.set("layer", next);
    window.history.replaceState(null, "", url);
  };

  const openHotspot = (hotspot: HotspotItem) => {
    setSelected(hotspot.rank);
    mapRef.current?.fitBounds(hotspot.bbox, { padding: 40, maxZoom: 18, duration: 0 });
  };

  const current = hotspots.find((h) => h.rank === selected) ?? null;
  const shown = data && data.layer === layer ? data : null;

  return (
    <div className="analytics-map">
      <fieldset className="inline-choices">
        <legend>{t("layer")}</legend>
        {layers.map((l) => (
          <label key={l} className="choice">
            <input
              type="radio"
              name="map-layer"
              value={l}
              checked={layer === l}
              onChange={() => chooseLayer(l)}
            />
            <span>{t(`layer_${l}`)}</span>
          </label>
        ))}
        {layer === "choropleth" ? (
          <label className="choice">
            <input type="checkbox" checked={perCapita} onChange={(e) => setPerCapita(e.target.checked)} />
            <span>{t("perCapita")}</span>
          </label>
        ) : null}
      </fieldset>
      {webgl ? <div ref={container} className="map analytics-map-canvas" /> : <MapUnavailable />}
      {shown ? (
        <MapLegend
          layer={shown.layer}
          perCapita={shown.layer === "choropleth" && perCapita}
          max={
            shown.layer === "choropleth" && perCapita
              ? Math.max(0, ...shown.features.map((f) => Number(f.properties.per1000 ?? 0)))
              : shown.max
          }
          cellMetres={shown.cellMetres}
        />
      ) : null}
      <p className="hint" aria-live="polite" data-testid="layer-status">
        {failed
          ? t("mapFailed")
          : shown
            ? shown.layer === "choropleth"
              ? t("layerStatusDistricts", { count: shown.features.length, max: shown.max })
              : t("layerStatusCells", {
                  count: shown.features.length,
                  size: shown.cellMetres ?? 0,
                  max: shown.max,
                  layer: shown.layer,
                })
            : t("loading")}
      </p>
      <section aria-labelledby="hotspots-title" className="hotspots">
        <h2 id="hotspots-title">{t("hotspotsTitle")}</h2>
        {hotspots.length === 0 ? (
          <p>{t("hotspotsNone")}</p>
        ) : (
          <ol className="hotspot-list">
            {hotspots.map((h) => (
              <li key={h.rank}>
                <button type="button" aria-pressed={h.rank === selected} onClick={() => openHotspot(h)}>
                  {t("hotspotButton", {
                    rank: h.rank,
                    count: h.reports,
                    category: h.categories[0]?.name ?? "",
                  })}
                </button>{" "}
                <span className="hint">{trendText(t, h)}</span>
              </li>
            ))}
          </ol>
        )}
        {current ? (
          <div
            className="hotspot-detail"
            role="region"
            aria-label={t("hotspotDetail", { rank: current.rank })}
          >
            <h3>{t("hotspotDetail", { rank: current.rank })}</h3>
            <p>
              {t("hotspotCounts", { count: current.reports, previous: current.previousReports })}{" "}
              {trendText(t, current)}
            </p>
            <ul>
              {current.categories.map((c) => (
                <li key={c.code}>{t("hotspotCategory", { name: c.name, count: c.reports })}</li>
              ))}
            </ul>
            <p className="hint">
              {t("hotspotCentre", { lat: current.centre[1].toFixed(5), lng: current.centre[0].toFixed(5) })}
            </p>
          </div>
        ) : null}
      </section>
    </div>
  );
}

function trendText(t: ReturnType<typeof useTranslations<"analytics">>, h: HotspotItem): string {
  if (h.trend === null) return t("trendNew");
  return t("trend", { change: formatChange(h.trend) });
}
