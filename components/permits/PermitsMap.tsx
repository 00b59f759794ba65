"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ExpressionSpecification, Map as MapLibreMap, GeoJSONSource } from "maplibre-gl";
import type { MultiPolygon } from "geojson";
import "maplibre-gl/dist/maplibre-gl.css";
import { addAreaOverlay, createBaseMap } from "@/components/map/create-map";
import { permitColour } from "@/lib/map/style";

type Item = { id: number; reference: string; status: string; site: MultiPolygon };

/** The register's permits on a map; a click opens one. The list beside it is the keyboard's way. */
export function PermitsMap({ items, municipalityCode, bbox, styleUrl, styleTimeoutMs }: {
  items: Item[];
  municipalityCode: string;
  bbox: [number, number, number, number];
  styleUrl: string;
  styleTimeoutMs: number;
}) {
  const t = useTranslations();
  const router = useRouter();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const tRef = useRef(t);
  const routerRef = useRef(router);
  const itemsRef = useRef(items);
  useEffect(() => {
    tRef.current = t;
    routerRef.current = router;
    itemsRef.current = items;
  });

  useEffect(() => {
    let cancelled = false;
    (async () => {
      if (!container.current) return;
      const { map } = await createBaseMap({
        container: container.current,
        bounds: bbox,
        styleUrl,
        styleTimeoutMs,
        label: tRef.current("permits.mapLabel"),
        t: (key) => tRef.current(key as never),
      });
      if (cancelled) return map.remove();
      mapRef.current = map;
      map.on("load", async () => {
        await addAreaOverlay(map, municipalityCode).catch(() => undefined);
        map.addSource("register", { type: "geojson", data: { type: "FeatureCollection", features: [] } });
        const pending: ExpressionSpecification = ["in", ["get", "status"], ["literal", ["applied", "under_review"]]];
        map.addLayer({ id: "register-fill", type: "fill", source: "register", paint: { "fill-color": ["case", pending, "#b06000", permitColour], "fill-opacity": 0.35 } });
        map.addLayer({ id: "register-line", type: "line", source: "register", paint: { "line-color": ["case", pending, "#b06000", permitColour], "line-width": 1.5 } });
        map.on("click", "register-fill", (e) => {
          const id = e.features?.[0]?.properties?.id;
          if (id) routerRef.current.push(`/staff/permits/${id}`);
        });
        setData(map, itemsRef.current);
      });
    })();
    return () => {
      cancelled = true;
      mapRef.current?.remove();
      mapRef.current = null;
    };
  }, [municipalityCode, bbox, styleUrl, styleTimeoutMs]);

  useEffect(() => {
    if (mapRef.current?.getSource("register")) setData(mapRef.current, items);
  }, [items]);

  return <div ref={container} className="map queue-map" data-testid="permits-map" />;
}

function setData(map: MapLibreMap, items: Item[]) {
  (map.getSource("register") as GeoJSONSource | undefined)?.setData({
    type: "FeatureCollection",
    features: items.map((i) => ({ type: "Feature", properties: { id: i.id, reference: i.reference, status: i.status }, geometry: i.site })),
  });
}
