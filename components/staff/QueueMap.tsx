"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import type { Map as MapLibreMap } from "maplibre-gl";
import { useOverlayMap } from "@/components/map/use-overlay-map";
import { MapUnavailable } from "@/components/map/MapUnavailable";
import { useWebGL } from "@/components/map/webgl-support";

type Item = { id: number; code: string; position: [number, number]; overdue: boolean };

/** The work queue on a map: overdue reports in red, the rest in blue; a click opens the report. */
export function QueueMap({
  items,
  municipalityCode,
  bbox,
}: {
  items: Item[];
  municipalityCode: string;
  bbox: [number, number, number, number];
}) {
  const router = useRouter();
  const container = useRef<HTMLDivElement>(null);
  const routerRef = useRef(router);
  const itemsRef = useRef(items);
  useEffect(() => {
    routerRef.current = router;
    itemsRef.current = items;
  });

  const webgl = useWebGL();
  const mapRef = useOverlayMap({
    container,
    municipalityCode,
    bbox,
    labelKey: "staff.queueMap",
    onLoad: (map) => {
      map.addSource("queue", { type: "geojson", data: { type: "FeatureCollection", features: [] } });
      map.addLayer({
        id: "queue",
        type: "circle",
        source: "queue",
        paint: {
          "circle-radius": 6,
          "circle-color": ["case", ["get", "overdue"], "#c5221f", "#1a3d6d"],
          "circle-stroke-color": "#fff",
          "circle-stroke-width": 1.5,
        },
      });
      map.on("click", "queue", (e) => {
        const id = e.features?.[0]?.properties?.id;
        if (id) routerRef.current.push(`/staff/reports/${id}`);
      });
      setQueueData(map, itemsRef.current);
    },
  });

  // New queue contents (after a live refresh) go onto the map once it has its layer.
  useEffect(() => {
    if (mapRef.current?.getSource("queue")) setQueueData(mapRef.current, items);
  }, [items, mapRef]);

  if (!webgl) return <MapUnavailable />;
  return <div ref={container} className="map queue-map" />;
}

function setQueueData(map: MapLibreMap, items: Item[]) {
  (map.getSource("queue") as import("maplibre-gl").GeoJSONSource | undefined)?.setData({
    type: "FeatureCollection",
    features: items.map((i) => ({
      type: "Feature",
      properties: { id: i.id, code: i.code, overdue: i.overdue },
      geometry: { type: "Point", coordinates: i.position },
    })),
  });
}
