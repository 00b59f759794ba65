"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import type { ExpressionSpecification, Map as MapLibreMap, GeoJSONSource } from "maplibre-gl";
import type { MultiPolygon } from "geojson";
import "maplibre-gl/dist/maplibre-gl.css";
import { useOverlayMap } from "@/components/map/use-overlay-map";
import { permitColour } from "@/lib/map/style";

type Item = { id: number; reference: string; status: string; site: MultiPolygon };

/** The register's permits on a map; a click opens one. The list beside it is the keyboard's way. */
export function PermitsMap({
  items,
  municipalityCode,
  bbox,
  styleUrl,
  styleTimeoutMs,
}: {
  items: Item[];
  municipalityCode: string;
  bbox: [number, number, number, number];
  styleUrl: string;
  styleTimeoutMs: number;
}) {
  const router = useRouter();
  const container = useRef<HTMLDivElement>(null);
  const routerRef = useRef(router);
  const itemsRef = useRef(items);
  useEffect(() => {
    routerRef.current = router;
    itemsRef.current = items;
  });

  const mapRef = useOverlayMap({
    container,
    municipalityCode,
    bbox,
    styleUrl,
    styleTimeoutMs,
    labelKey: "permits.mapLabel",
    onLoad: (map) => {
      map.addSource("register", { type: "geojson", data: { type: "FeatureCollection", features: [] } });
      const pending: ExpressionSpecification = [
        "in",
        ["get", "status"],
        ["literal", ["applied", "under_review"]],
      ];
      map.addLayer({
        id: "register-fill",
        type: "fill",
        source: "register",
        paint: { "fill-color": ["case", pending, "#b06000", permitColour], "fill-opacity": 0.35 },
      });
      map.addLayer({
        id: "register-line",
        type: "line",
        source: "register",
        paint: { "line-color": ["case", pending, "#b06000", permitColour], "line-width": 1.5 },
      });
      map.on("click", "register-fill", (e) => {
        const id = e.features?.[0]?.properties?.id;
        if (id) routerRef.current.push(`/staff/permits/${id}`);
      });
      setData(map, itemsRef.current);
    },
  });

  useEffect(() => {
    if (mapRef.current?.getSource("register")) setData(mapRef.current, items);
  }, [items, mapRef]);

  return <div ref={container} className="map queue-map" data-testid="permits-map" />;
}

function setData(map: MapLibreMap, items: Item[]) {
  (map.getSource("register") as GeoJSONSource | undefined)?.setData({
    type: "FeatureCollection",
    features: items.map((i) => ({
      type: "Feature",
      properties: { id: i.id, reference: i.reference, status: i.status },
      geometry: i.site,
    })),
  });
}
