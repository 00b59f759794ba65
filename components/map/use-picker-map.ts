"use client";

import { createContext, useContext, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { Map as MapLibreMap } from "maplibre-gl";
import { addAreaOverlay, createBaseMap } from "./create-map";
import { useMapSettings } from "./MapSettings";
import type { Position } from "./position";

export type PickerMapOptions = {
  municipalityCode: string;
  bbox: [number, number, number, number];
  /** Open at street zoom on this point instead of the whole bbox; a later centre moves the map. */
  center?: Position;
  /** The map's accessible name; changing it renames the map without rebuilding it. */
  label: string;
};

export type PickerMap = {
  container: React.RefObject<HTMLDivElement | null>;
  mapRef: React.RefObject<MapLibreMap | null>;
  maplibre: React.RefObject<typeof import("maplibre-gl") | null>;
  /** True once the style and the municipality's outline are drawn. */
  ready: boolean;
};

/** The picker map that drawings attach to, given by the component that made it. */
export const PickerMapContext = createContext<Pick<PickerMap, "mapRef" | "ready"> | null>(null);

export function usePickerMapContext(): Pick<PickerMap, "mapRef" | "ready"> {
  const found = useContext(PickerMapContext);
  if (!found) throw new Error("A drawing needs a picker map around it");
  return found;
}

/**
 * The map a place is picked or drawn on: the basemap with the municipality's outline and local
 * communities, opened on the bbox or at a centre. Pins and drawings attach to it (PointPicker,
 * ShapeDrawer). The e2e tests reach it as `window.civicPickerMap`.
 */
export function usePickerMap(options: PickerMapOptions): PickerMap {
  const t = useTranslations();
  const tRef = useRef(t);
  const labelRef = useRef(options.label);
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const maplibre = useRef<typeof import("maplibre-gl") | null>(null);
  const [ready, setReady] = useState(false);
  const [initialCentre] = useState(options.center);
  const { municipalityCode, bbox, center, label } = options;
  const { styleUrl, styleTimeoutMs } = useMapSettings();
  useEffect(() => {
    tRef.current = t;
    labelRef.current = label;
  });

  useEffect(() => {
    let cancelled = false;
    (async () => {
      if (!container.current) return;
      const created = await createBaseMap({
        container: container.current,
        ...(initialCentre ? { center: initialCentre, zoom: 16 } : { bounds: bbox }),
        styleUrl,
        styleTimeoutMs,
        label: labelRef.current,
        t: (key) => tRef.current(key as never),
      });
      const { map } = created;
      if (cancelled) {
        map.remove();
        return;
      }
      mapRef.current = map;
      maplibre.current = created.maplibregl;
      (window as unknown as { civicPickerMap?: MapLibreMap }).civicPickerMap = map;
      map.on("load", async () => {
        await addAreaOverlay(map, municipalityCode).catch(() => undefined);
        if (!cancelled) setReady(true);
      });
    })();
    return () => {
      cancelled = true;
      mapRef.current?.remove();
      mapRef.current = null;
      setReady(false);
    };
  }, [municipalityCode, bbox, styleUrl, styleTimeoutMs, initialCentre]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !center || center === initialCentre) return;
    map.easeTo({ center, zoom: Math.max(map.getZoom(), 16) });
  }, [center, initialCentre, ready]);

  useEffect(() => {
    if (ready) mapRef.current?.getCanvas().setAttribute("aria-label", label);
  }, [label, ready]);

  return { container, mapRef, maplibre, ready };
}
