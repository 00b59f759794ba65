"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import type { Map as MapLibreMap } from "maplibre-gl";
import type { LineString, Polygon } from "geojson";
import "maplibre-gl/dist/maplibre-gl.css";
import { createBaseMap } from "./create-map";
import { useMapSettings } from "./MapSettings";
import { shapeBounds } from "@/lib/map/map-view";

/** A small map of one report: its pin, and the line or area drawn for it, fitted whole. */
export function ReportLocationMap({
  position,
  shape = null,
  label,
}: {
  position: [number, number] | number[];
  shape?: LineString | Polygon | null;
  label: string;
}) {
  const t = useTranslations();
  const { styleUrl, styleTimeoutMs } = useMapSettings();
  const container = useRef<HTMLDivElement>(null);
  const tRef = useRef(t);
  useEffect(() => {
    tRef.current = t;
  });
  const [lng, lat] = position as [number, number];
  const shapeKey = shape ? JSON.stringify(shape) : "";
  useEffect(() => {
    let map: MapLibreMap | undefined;
    let cancelled = false;
    const drawn = shapeKey ? (JSON.parse(shapeKey) as LineString | Polygon) : null;
    (async () => {
      if (!container.current) return;
      const created = await createBaseMap({
        container: container.current,
        ...(drawn ? { bounds: shapeBounds(drawn) } : { center: [lng, lat], zoom: 16 }),
        styleUrl,
        styleTimeoutMs,
        label,
        t: (key) => tRef.current(key as never),
      });
      map = created.map;
      if (cancelled) return map.remove();
      (window as unknown as { civicReportMap?: MapLibreMap }).civicReportMap = map;
      if (drawn) {
        const current = map;
        current.on("load", () => {
          current.addSource("report-shape", {
            type: "geojson",
            data: { type: "Feature", properties: { kind: drawn.type }, geometry: drawn },
          });
          if (drawn.type === "Polygon") {
            current.addLayer({
              id: "report-shape-fill",
              type: "fill",
              source: "report-shape",
              paint: { "fill-color": "#c5221f", "fill-opacity": 0.25 },
            });
          }
          current.addLayer({
            id: "report-shape-line",
            type: "line",
            source: "report-shape",
            layout: { "line-cap": "round", "line-join": "round" },
            paint: { "line-color": "#c5221f", "line-width": 4 },
          });
        });
      }
      new created.maplibregl.Marker({ color: "#c5221f" }).setLngLat([lng, lat]).addTo(map);
    })();
    return () => {
      cancelled = true;
      map?.remove();
    };
  }, [lng, lat, shapeKey, label, styleUrl, styleTimeoutMs]);
  return <div ref={container} className="map small-map" data-testid="report-location-map" />;
}
