"use client";

import { useEffect, useRef } from "react";
import type { GeoJSONSource, Map as MapLibreMap } from "maplibre-gl";
import type { MultiPolygon } from "geojson";
import { useOverlayMap } from "@/components/map/use-overlay-map";
import { MapUnavailable } from "@/components/map/MapUnavailable";
import { useWebGL } from "@/components/map/webgl-support";

type Props = {
  municipalityCode: string;
  bbox: [number, number, number, number];
  current: MultiPolygon | null;
  candidate: MultiPolygon | null;
};

/** The service area as saved (blue outline) and the area about to replace it (orange), over the municipality. */
export function ServiceAreaMap({ municipalityCode, bbox, current, candidate }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const latest = useRef({ current, candidate });
  useEffect(() => {
    latest.current = { current, candidate };
  });
  const webgl = useWebGL();
  const mapRef = useOverlayMap({
    container,
    municipalityCode,
    bbox,
    labelKey: "admin.organisations.areaMapLabel",
    onLoad: (map) => {
      (window as unknown as { civicServiceAreaMap?: MapLibreMap }).civicServiceAreaMap = map;
      map.addSource("service-area", { type: "geojson", data: empty });
      map.addSource("service-area-candidate", { type: "geojson", data: empty });
      map.addLayer({
        id: "service-area-line",
        type: "line",
        source: "service-area",
        paint: { "line-color": "#1a56db", "line-width": 2.5 },
      });
      map.addLayer({
        id: "service-area-candidate-fill",
        type: "fill",
        source: "service-area-candidate",
        paint: { "fill-color": "#c2410c", "fill-opacity": 0.3 },
      });
      map.addLayer({
        id: "service-area-candidate-line",
        type: "line",
        source: "service-area-candidate",
        paint: { "line-color": "#c2410c", "line-width": 2 },
      });
      show(map, latest.current.current, latest.current.candidate);
    },
  });

  useEffect(() => {
    if (mapRef.current?.getSource("service-area")) show(mapRef.current, current, candidate);
  }, [current, candidate, mapRef]);

  if (!webgl) return <MapUnavailable />;
  return <div ref={container} className="map admin-area-map" data-testid="service-area-map" />;
}

const empty = { type: "FeatureCollection" as const, features: [] };

function show(map: MapLibreMap, current: MultiPolygon | null, candidate: MultiPolygon | null) {
  const fc = (g: MultiPolygon | null) =>
    g
      ? {
          type: "FeatureCollection" as const,
          features: [{ type: "Feature" as const, properties: {}, geometry: g }],
        }
      : empty;
  (map.getSource("service-area") as GeoJSONSource | undefined)?.setData(fc(current));
  (map.getSource("service-area-candidate") as GeoJSONSource | undefined)?.setData(fc(candidate));
  const focus = candidate ?? current;
  if (focus) {
    const points = focus.coordinates.flat(2);
    const xs = points.map((p) => p[0]!);
    const ys = points.map((p) => p[1]!);
    map.fitBounds([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], {
      padding: 24,
      duration: 0,
      maxZoom: 16,
    });
  }
}
