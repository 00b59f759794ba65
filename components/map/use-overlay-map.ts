"use client";

import { useEffect, useRef, type RefObject } from "react";
import type { Map as MapLibreMap } from "maplibre-gl";
import { useTranslations } from "next-intl";
import { useMapSettings } from "./MapSettings";
import { hasWebGL } from "./webgl-support";
import { whenShownAndIdle } from "./when-shown";

/**
 * A workspace map, started once on screen and idle: the basemap (or the bundled one) fitted to the municipality, its boundary and
 * districts, then the caller's own layers once it has loaded (`onLoad`, read at load time). The map
 * is removed when the component goes or the municipality changes; `mapRef` holds it meanwhile.
 */
export function useOverlayMap(input: {
  container: RefObject<HTMLDivElement | null>;
  municipalityCode: string;
  bbox: [number, number, number, number];
  /** Message key of the map's accessible name. */
  labelKey: string;
  onLoad: (map: MapLibreMap) => void;
}): RefObject<MapLibreMap | null> {
  const t = useTranslations();
  const mapRef = useRef<MapLibreMap | null>(null);
  const latest = useRef({ t, onLoad: input.onLoad, labelKey: input.labelKey });
  useEffect(() => {
    latest.current = { t, onLoad: input.onLoad, labelKey: input.labelKey };
  });
  const { container, municipalityCode, bbox } = input;
  const { styleUrl, styleTimeoutMs } = useMapSettings();

  useEffect(() => {
    let cancelled = false;
    const controller = new AbortController();
    (async () => {
      // Without WebGL the caller shows MapUnavailable; with it, the map's code loads once the map
      // is on screen and the page is idle, so the page and its list come first.
      if (!container.current || !hasWebGL()) return;
      await whenShownAndIdle(container.current, controller.signal);
      const { addAreaOverlay, createBaseMap } = await import("./create-map");
      if (cancelled || !container.current) return;
      const { map } = await createBaseMap({
        container: container.current,
        bounds: bbox,
        styleUrl,
        styleTimeoutMs,
        label: latest.current.t(latest.current.labelKey as never),
        t: (key) => latest.current.t(key as never),
      });
      if (cancelled) return map.remove();
      mapRef.current = map;
      map.on("load", async () => {
        await addAreaOverlay(map, municipalityCode).catch(() => undefined);
        latest.current.onLoad(map);
      });
    })();
    return () => {
      cancelled = true;
      controller.abort();
      mapRef.current?.remove();
      mapRef.current = null;
    };
  }, [container, municipalityCode, bbox, styleUrl, styleTimeoutMs]);

  return mapRef;
}
