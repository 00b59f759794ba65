"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import type { FeatureCollection, MultiPolygon } from "geojson";
import type { GeoJSONSource, Map as MapLibreMap } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import { createBaseMap } from "@/components/map/create-map";
import { useMapSettings } from "@/components/map/MapSettings";

export type PreviewShape = {
  index: number;
  status: "ok" | "repaired";
  geometry: MultiPolygon;
  selected: boolean;
};

function boundsOf(shapes: PreviewShape[]): [number, number, number, number] | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const s of shapes)
    for (const poly of s.geometry.coordinates)
      for (const ring of poly)
        for (const p of ring) {
          xs.push(p[0]!);
          ys.push(p[1]!);
        }
  return xs.length ? [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] : null;
}

/** The features of an uploaded file on the map before anything is saved: repaired ones in orange, the chosen one outlined. */
export function GeodataPreviewMap({ shapes, label }: { shapes: PreviewShape[]; label: string }) {
  const { styleUrl, styleTimeoutMs } = useMapSettings();
  const t = useTranslations();
  const tRef = useRef(t);
  useEffect(() => {
    tRef.current = t;
  });
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const shapesRef = useRef(shapes);
  useEffect(() => {
    shapesRef.current = shapes;
  });

  const data = (list: PreviewShape[]): FeatureCollection => ({
    type: "FeatureCollection",
    features: list.map((s) => ({
      type: "Feature",
      properties: { index: s.index, status: s.status, selected: s.selected },
      geometry: s.geometry,
    })),
  });

  useEffect(() => {
    let cancelled = false;
    let map: MapLibreMap | undefined;
    (async () => {
      if (!container.current) return;
      const created = await createBaseMap({
        container: container.current,
        bounds: boundsOf(shapesRef.current) ?? [18.8, 42.2, 23.0, 46.2],
        styleUrl,
        styleTimeoutMs,
        label,
        t: (key) => tRef.current(key as never),
      });
      map = created.map;
      if (cancelled) return map.remove();
      map.on("load", () => {
        map!.addSource("preview", { type: "geojson", data: data(shapesRef.current) });
        map!.addLayer({
          id: "preview-fill",
          type: "fill",
          source: "preview",
          paint: {
            "fill-color": ["match", ["get", "status"], "repaired", "#e8710a", "#188038"],
            "fill-opacity": 0.25,
          },
        });
        map!.addLayer({
          id: "preview-line",
          type: "line",
          source: "preview",
          paint: {
            "line-color": ["case", ["get", "selected"], "#1a56c4", "#3c4043"],
            "line-width": ["case", ["get", "selected"], 3, 1],
          },
        });
        mapRef.current = map!;
      });
    })();
    return () => {
      cancelled = true;
      mapRef.current = null;
      map?.remove();
    };
  }, [label, styleUrl, styleTimeoutMs]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    (map.getSource("preview") as GeoJSONSource | undefined)?.setData(data(shapes));
    const bounds = boundsOf(shapes);
    if (bounds) map.fitBounds(bounds, { padding: 16, duration: 0 });
  }, [shapes]);

  return <div ref={container} className="map small-map" data-testid="geodata-preview-map" />;
}
