"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import type { Map as MapLibreMap } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import { createBaseMap } from "./create-map";

/** A small map centred on one report's location. */
export function ReportLocationMap({
  position,
  label,
  styleUrl,
  styleTimeoutMs,
}: {
  position: [number, number] | number[];
  label: string;
  styleUrl: string;
  styleTimeoutMs: number;
}) {
  const t = useTranslations();
  const container = useRef<HTMLDivElement>(null);
  const tRef = useRef(t);
  useEffect(() => {
    tRef.current = t;
  });
  const [lng, lat] = position as [number, number];
  useEffect(() => {
    let map: MapLibreMap | undefined;
    let cancelled = false;
    (async () => {
      if (!container.current) return;
      const created = await createBaseMap({
        container: container.current,
        center: [lng, lat],
        zoom: 16,
        styleUrl,
        styleTimeoutMs,
        label,
        t: (key) => tRef.current(key as never),
      });
      map = created.map;
      if (cancelled) return map.remove();
      new created.maplibregl.Marker({ color: "#c5221f" }).setLngLat([lng, lat]).addTo(map);
    })();
    return () => {
      cancelled = true;
      map?.remove();
    };
  }, [lng, lat, label, styleUrl, styleTimeoutMs]);
  return <div ref={container} className="map small-map" />;
}
